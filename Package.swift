// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares, as Hummingbird does: strict Swift 6 and explicit existentials.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

/// Every executable allocates through mimalloc instead of glibc's malloc (decision 145): the
/// services' work is many small, short-lived allocations on several threads, and glibc's spent
/// about a tenth of the registry's CPU during an import in `_int_malloc`, `_int_free` and their
/// locks.
let allocator: [LinkerSetting] = [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]

let package = Package(
    name: "Baoxue",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "baoxue", targets: ["BaoxueCLI"]),
        .executable(name: "baoxue-registry", targets: ["RegistryServer"]),
        .executable(name: "baoxue-monitor", targets: ["MonitorServer"]),
        .executable(name: "baoxue-subsidy", targets: ["SubsidyServer"]),
        .executable(name: "baoxue-care", targets: ["CareServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(
            url: "https://github.com/apple/swift-configuration", exact: "1.4.0",
            traits: [.defaults, "YAML"]
        ),
        // Already built for Hummingbird's dependencies; used for token digests and audit HMACs.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // Reads .xlsx packages (a ZIP of XML parts) for imports.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // The version swift-configuration's YAML trait already builds; reads the OpenAPI files.
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        // Tests only: validates the served OpenAPI document. Its default ExternalLoading trait
        // (loading remote references, slower to build) is left off.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", exact: "6.4.0", traits: []),
        // The dashboard's HTML templates (logic-less, escaping by default); no dependencies of its own.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    ],
    targets: [
        // MARK: ZeroMQ edge
        .systemLibrary(
            name: "CZeroMQ",
            pkgConfig: "libzmq",
            providers: [.apt(["libzmq3-dev"])]
        ),
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"], swiftSettings: swiftSettings),
        // prctl(2) and syscall(2), which Swift cannot call (they are variadic): BaoxueService alone imports it.
        .systemLibrary(name: "CProcessControl"),
        // sqlite3_config(3), variadic too: BaoxueService alone imports it (``SQLiteProcessSettings``).
        .systemLibrary(name: "CSQLiteSettings", providers: [.apt(["libsqlite3-dev"])]),

        // MARK: Shared libraries
        .target(name: "BaoxueContracts", swiftSettings: swiftSettings),
        // MARK: Spreadsheets (Debian's libfreexl and libxlsxwriter; one module imports them)
        .systemLibrary(name: "CFreeXL", pkgConfig: "freexl", providers: [.apt(["libfreexl-dev"])]),
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(
            name: "BaoxueSpreadsheet",
            dependencies: ["BaoxueContracts", "CFreeXL", "CXLSXWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .target(name: "BaoxueCSV", dependencies: ["BaoxueContracts", "BaoxueSpreadsheet"], swiftSettings: swiftSettings),
        .target(name: "BaoxueDemo", dependencies: ["BaoxueContracts"], swiftSettings: swiftSettings),
        .target(
            name: "BaoxueMessaging",
            dependencies: [
                "ZeroMQ", "BaoxueContracts",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "BaoxueService",
            dependencies: [
                "BaoxueMessaging", "ZeroMQ", "CProcessControl", "CSQLiteSettings",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, as GRDB links it: a statement run thousands of times binds its
                // arguments straight from Swift values (``BoundStatement``).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Services
        .target(
            name: "Registry",
            dependencies: ["BaoxueService", "BaoxueMessaging", "BaoxueContracts"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "RegistryServer",
            dependencies: ["Registry", "BaoxueService"],
            swiftSettings: swiftSettings,
            linkerSettings: allocator
        ),

        .target(
            name: "Monitoring",
            dependencies: [
                "BaoxueService", "BaoxueMessaging", "BaoxueContracts",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "MonitorServer",
            dependencies: ["Monitoring", "BaoxueService"],
            swiftSettings: swiftSettings,
            linkerSettings: allocator
        ),

        .target(
            name: "Subsidy",
            dependencies: [
                "BaoxueService", "BaoxueMessaging", "BaoxueContracts",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "SubsidyServer",
            dependencies: ["Subsidy", "BaoxueService"],
            swiftSettings: swiftSettings,
            linkerSettings: allocator
        ),

        .target(
            name: "Care",
            dependencies: [
                "BaoxueService", "BaoxueMessaging", "BaoxueContracts",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "CareServer",
            dependencies: ["Care", "BaoxueService"],
            swiftSettings: swiftSettings,
            linkerSettings: allocator
        ),

        // MARK: Gateway
        .target(
            name: "Delivery",
            dependencies: [
                "BaoxueContracts", "BaoxueMessaging", "BaoxueService", "ZeroMQ",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Access",
            dependencies: [
                "BaoxueContracts", "BaoxueMessaging", "BaoxueService",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Gateway",
            dependencies: [
                "Access", "Delivery", "BaoxueService", "BaoxueMessaging", "BaoxueContracts", "BaoxueCSV", "BaoxueSpreadsheet", "BaoxueDemo", "ZeroMQ",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Yams", package: "Yams"),
                // SHA-256 of each file in a backup's manifest.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // Compiled in, so the executable needs no resource bundle beside it (decisions.md).
            resources: ["openapi", "gateway", "registry", "monitor", "targets", "deliveries", "crosscheck", "calendar", "subsidy", "care", "reports", "dashboard"].map {
                .embedInCode("OpenAPI/\($0).yaml")
            } + ["header", "footer", "home", "case", "login", "message"].map { .embedInCode("Web/Templates/\($0).mustache") }
                + [.embedInCode("Web/Static/dashboard.css"), .embedInCode("Web/Static/dashboard.js")],
            swiftSettings: swiftSettings
        ),
        // `baoxue bench`: benchmarks beside raw baselines, a library of their own so the gateway
        // carries none of their code; the `baoxue` executable adds them to the gateway's commands.
        .target(
            name: "BaoxueBench",
            dependencies: [
                "Gateway", "Access", "Delivery", "Registry", "BaoxueService", "BaoxueMessaging", "BaoxueContracts", "BaoxueCSV", "BaoxueSpreadsheet", "BaoxueDemo", "ZeroMQ",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "BaoxueCLI",
            dependencies: ["Gateway", "BaoxueBench", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings,
            linkerSettings: allocator
        ),

        // MARK: Tests
        .target(
            name: "BaoxueTestSupport",
            dependencies: ["BaoxueContracts", "BaoxueService"],
            path: "Tests/BaoxueTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "BaoxueContractsTests", dependencies: ["BaoxueContracts"], swiftSettings: swiftSettings),
        .testTarget(name: "BaoxueCSVTests", dependencies: ["BaoxueCSV", "BaoxueSpreadsheet"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "BaoxueDemoTests", dependencies: ["BaoxueDemo"], swiftSettings: swiftSettings),
        .testTarget(
            name: "BaoxueMessagingTests",
            dependencies: ["BaoxueMessaging", "ZeroMQ", "BaoxueTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegistryTests",
            dependencies: ["Registry", "BaoxueTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MonitoringTests",
            dependencies: ["Monitoring", "BaoxueTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SubsidyTests",
            dependencies: ["Subsidy", "BaoxueTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CareTests",
            dependencies: ["Care", "BaoxueTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AccessTests",
            dependencies: ["Access", "BaoxueTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GatewayTests",
            dependencies: [
                "Gateway", "Registry", "Monitoring", "Subsidy", "Care", "Access", "BaoxueTestSupport",
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["BaoxueTestSupport", "BaoxueMessaging", "BaoxueSpreadsheet", "BaoxueDemo", "Gateway", "Access", "ZeroMQ", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
    ]
)
