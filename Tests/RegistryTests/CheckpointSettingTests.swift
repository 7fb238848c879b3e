@testable import BaoxueService
import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Testing

/// `database.checkpointMilliseconds` (decision 140): twenty ticks a second unless a service is told
/// otherwise; a value that would make the checkpointer spin, or let a copy grow long, refuses to
/// start and names the key.
@Suite struct CheckpointSettingTests {
    static func configuration(_ yaml: String?) async throws -> ServiceConfiguration {
        let directory = TemporaryDirectory("baoxue-checkpoint-setting")
        defer { directory.remove() }
        let file = try directory.write("registry.yaml", Data((yaml.map { "database:\n  checkpointMilliseconds: \($0)\n" } ?? "log:\n  level: info\n").utf8))
        return try await ServiceConfiguration(service: "registry", configFile: file)
    }

    @Test func theIntervalIsTheDefaultOrWhatTheFileSays() async throws {
        #expect(try await Self.configuration(nil).checkpointMilliseconds() == WALCheckpointer.defaultIntervalMilliseconds)
        #expect(try await Self.configuration("200").checkpointMilliseconds() == 200)
    }

    @Test(arguments: ["5", "60000"]) func anIntervalOutOfBoundsRefusesToStart(_ value: String) async throws {
        let configuration = try await Self.configuration(value)
        let error = #expect(throws: ServiceError.self) { try configuration.checkpointMilliseconds() }
        #expect(error?.code == .configInvalid && error?.message.contains("database.checkpointMilliseconds") == true)
    }
}
