import BaoxueContracts
import BaoxueService
import Foundation
import ZeroMQ

/// The CurveZMQ keys of one installation: a pair per service and the gateway's, with each service
/// allowing exactly its clients (the gateway and the services that follow it,
/// ``ServiceName/followers``). `baoxue keys generate` prints them; `baoxue up` keeps a set in
/// `<data>/keys/curve.env` (made on first run, owner-only) so services talk CURVE even on one host.
public struct CurveKeySet: Sendable, Equatable {
    public var services: [ServiceName: CurveKeyPair]
    public var gateway: CurveKeyPair

    public static func generate() throws -> CurveKeySet {
        var services: [ServiceName: CurveKeyPair] = [:]
        for service in ServiceName.allCases { services[service] = try .generate() }
        return CurveKeySet(services: services, gateway: try .generate())
    }

    public init(services: [ServiceName: CurveKeyPair], gateway: CurveKeyPair) {
        self.services = services
        self.gateway = gateway
    }

    /// `service`'s key pair.
    public func pair(of service: ServiceName) -> CurveKeyPair {
        // Every set is made or completed with a pair per service (`generate`, `loadOrCreate`).
        services[service]!
    }

    public func publicKey(of service: ServiceName) -> String { pair(of: service).publicKey }

    /// `service`'s settings as environment variables (what its configuration reads): its pair,
    /// the clients it serves, and the public keys of the services it follows.
    public func environment(of service: ServiceName) -> [String: String] {
        let prefix = service.rawValue.uppercased()
        let pair = pair(of: service)
        var environment = [
            "\(prefix)_CURVE_PUBLIC_KEY": pair.publicKey,
            "\(prefix)_CURVE_SECRET_KEY": pair.secretKey,
            "\(prefix)_CURVE_ALLOWED_CLIENTS": ([gateway.publicKey] + service.followers.map(publicKey(of:))).joined(separator: ","),
        ]
        for source in service.follows {
            environment["\(prefix)_\(source.rawValue.uppercased())_PUBLIC_KEY"] = publicKey(of: source)
        }
        return environment
    }

    /// The gateway's settings as environment variables: its pair and every service's public key.
    public var gatewayEnvironment: [String: String] {
        var environment = ["GATEWAY_CURVE_PUBLIC_KEY": gateway.publicKey, "GATEWAY_CURVE_SECRET_KEY": gateway.secretKey]
        for service in ServiceName.allCases {
            environment["GATEWAY_\(service.rawValue.uppercased())_PUBLIC_KEY"] = publicKey(of: service)
        }
        return environment
    }

    /// `NAME='value'` lines, as docker compose and a shell read a `.env` file. Values are quoted:
    /// Z85 keys contain `$`, `#`, `(` and `<`, which both would otherwise take apart; the Z85
    /// alphabet has no `'`, so single quotes need no escaping.
    public var environmentText: String {
        var all = gatewayEnvironment
        for service in ServiceName.allCases { all.merge(environment(of: service)) { $1 } }
        return all.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: "\n") + "\n"
    }

    /// Reads ``environmentText`` (quoted or not); nil without the gateway's pair. A service
    /// without a pair (a file from before it existed) gets a new one.
    public init?(environmentText text: String) throws {
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            var value = parts[1]
            if value.count >= 2, value.first == "'" || value.first == "\"", value.last == value.first {
                value = String(value.dropFirst().dropLast())
            }
            values[parts[0]] = value
        }
        func pair(_ prefix: String) -> CurveKeyPair? {
            guard let publicKey = values["\(prefix)_CURVE_PUBLIC_KEY"], let secretKey = values["\(prefix)_CURVE_SECRET_KEY"] else { return nil }
            return CurveKeyPair(publicKey: publicKey, secretKey: secretKey)
        }
        guard let gateway = pair("GATEWAY") else { return nil }
        var services: [ServiceName: CurveKeyPair] = [:]
        for service in ServiceName.allCases {
            services[service] = try pair(service.rawValue.uppercased()) ?? .generate()
        }
        self.init(services: services, gateway: gateway)
    }

    /// The key file of a data directory.
    public static func path(dataDirectory: String) -> String {
        URL(fileURLWithPath: dataDirectory).appendingPathComponent("keys/curve.env").path
    }

    /// The data directory's keys, if `baoxue up` made them.
    public static func load(dataDirectory: String) -> CurveKeySet? {
        guard let data = FileManager.default.contents(atPath: path(dataDirectory: dataDirectory)) else { return nil }
        return try? CurveKeySet(environmentText: String(decoding: data, as: UTF8.self))
    }

    /// The data directory's keys, made (directory 0700, file 0600) if there are none yet, and
    /// completed (a pair for a service added since) and written back if some are missing.
    public static func loadOrCreate(dataDirectory: String) throws -> CurveKeySet {
        let file = path(dataDirectory: dataDirectory)
        let existing = FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) }
        let keys = try existing.flatMap { try CurveKeySet(environmentText: $0) } ?? generate()
        let text = "# CurveZMQ keys made by baoxue up; keep secret\n" + keys.environmentText
        guard text != existing else { return keys }
        try PrivateFiles.write(Data(text.utf8), to: file)
        return keys
    }
}
