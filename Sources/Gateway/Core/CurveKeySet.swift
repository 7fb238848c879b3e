import Foundation
import ZeroMQ

/// The CurveZMQ keys of one installation: a pair per service and the gateway's, with each
/// service allowing exactly its clients (the registry: the gateway and the monitor; the monitor:
/// the gateway). `baoxue keys generate` prints them; `baoxue up` keeps a set in
/// `<data>/keys/curve.env` (made on first run, owner-only) so services talk CURVE even on one host.
public struct CurveKeySet: Sendable, Equatable {
    public var registry: CurveKeyPair
    public var monitor: CurveKeyPair
    public var gateway: CurveKeyPair

    public static func generate() throws -> CurveKeySet {
        CurveKeySet(registry: try .generate(), monitor: try .generate(), gateway: try .generate())
    }

    /// The registry's settings as environment variables (what its configuration reads).
    public var registryEnvironment: [String: String] {
        [
            "REGISTRY_CURVE_PUBLIC_KEY": registry.publicKey,
            "REGISTRY_CURVE_SECRET_KEY": registry.secretKey,
            "REGISTRY_CURVE_ALLOWED_CLIENTS": "\(gateway.publicKey),\(monitor.publicKey)",
        ]
    }

    /// The monitor's settings as environment variables: its pair, its client (the gateway), and
    /// the registry it follows.
    public var monitorEnvironment: [String: String] {
        [
            "MONITOR_CURVE_PUBLIC_KEY": monitor.publicKey,
            "MONITOR_CURVE_SECRET_KEY": monitor.secretKey,
            "MONITOR_CURVE_ALLOWED_CLIENTS": gateway.publicKey,
            "MONITOR_REGISTRY_PUBLIC_KEY": registry.publicKey,
        ]
    }

    /// The gateway's settings as environment variables.
    public var gatewayEnvironment: [String: String] {
        [
            "GATEWAY_CURVE_PUBLIC_KEY": gateway.publicKey,
            "GATEWAY_CURVE_SECRET_KEY": gateway.secretKey,
            "GATEWAY_REGISTRY_PUBLIC_KEY": registry.publicKey,
            "GATEWAY_MONITOR_PUBLIC_KEY": monitor.publicKey,
        ]
    }

    /// `NAME=value` lines, as docker compose reads a `.env` file.
    public var environmentText: String {
        registryEnvironment.merging(monitorEnvironment) { $1 }.merging(gatewayEnvironment) { $1 }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n") + "\n"
    }

    /// Reads ``environmentText``; nil if a key is missing (a file from before the monitor
    /// existed is replaced by a new set).
    public init?(environmentText text: String) {
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { values[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        guard let registryPublic = values["REGISTRY_CURVE_PUBLIC_KEY"], let registrySecret = values["REGISTRY_CURVE_SECRET_KEY"],
            let monitorPublic = values["MONITOR_CURVE_PUBLIC_KEY"], let monitorSecret = values["MONITOR_CURVE_SECRET_KEY"],
            let gatewayPublic = values["GATEWAY_CURVE_PUBLIC_KEY"], let gatewaySecret = values["GATEWAY_CURVE_SECRET_KEY"]
        else { return nil }
        self.init(
            registry: CurveKeyPair(publicKey: registryPublic, secretKey: registrySecret), monitor: CurveKeyPair(publicKey: monitorPublic, secretKey: monitorSecret),
            gateway: CurveKeyPair(publicKey: gatewayPublic, secretKey: gatewaySecret))
    }

    public init(registry: CurveKeyPair, monitor: CurveKeyPair, gateway: CurveKeyPair) {
        self.registry = registry
        self.monitor = monitor
        self.gateway = gateway
    }

    /// The key file of a data directory.
    public static func path(dataDirectory: String) -> String {
        URL(fileURLWithPath: dataDirectory).appendingPathComponent("keys/curve.env").path
    }

    /// The data directory's keys, if `baoxue up` made them.
    public static func load(dataDirectory: String) -> CurveKeySet? {
        guard let data = FileManager.default.contents(atPath: path(dataDirectory: dataDirectory)) else { return nil }
        return CurveKeySet(environmentText: String(decoding: data, as: UTF8.self))
    }

    /// The data directory's keys, made (directory 0700, file 0600) if there are none yet.
    public static func loadOrCreate(dataDirectory: String) throws -> CurveKeySet {
        if let existing = load(dataDirectory: dataDirectory) { return existing }
        let keys = try generate()
        let file = path(dataDirectory: dataDirectory)
        try? FileManager.default.removeItem(atPath: file)
        let directory = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard FileManager.default.createFile(atPath: file, contents: Data(("# CurveZMQ keys made by baoxue up; keep secret\n" + keys.environmentText).utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file])
        }
        return keys
    }
}
