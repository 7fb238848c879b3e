import BaoxueContracts
import BaoxueService
import BaoxueTestSupport
import Foundation
import Testing

@testable import Subsidy

/// The programs as configuration: the shipped file is the code's defaults, a key overrides one
/// field, and a program that makes no sense stops the service naming the key.
@Suite struct SubsidySettingsTests {
    static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config/subsidy.yaml").path

    @Test func theShippedFileIsTheDefaults() async throws {
        let settings = try SubsidySettings(configuration: try await ServiceConfiguration(service: "subsidy", configFile: Self.shipped))
        #expect(settings.programs == SubsidyProgram.defaults)
        #expect(settings.batchSize == 5_000)
    }

    /// A configuration file holding `yaml` under `subsidy:`.
    static func configuration(_ yaml: String) async throws -> (ServiceConfiguration, TemporaryDirectory) {
        let directory = TemporaryDirectory("baoxue-subsidy-config")
        let file = try directory.write("subsidy.yaml", Data(("subsidy:\n" + yaml.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n").utf8))
        return (try await ServiceConfiguration(service: "subsidy", configFile: file), directory)
    }

    @Test func aKeyOverridesOneFieldOfADefaultProgram() async throws {
        let (configuration, directory) = try await Self.configuration("""
            activePrograms: [preschool-aid, highschool-grant]
            programs:
              preschool-aid: {amountPerTerm: 60000, shares: {county: 20000}, placeholder: false}
            """)
        defer { directory.remove() }
        let settings = try SubsidySettings(configuration: configuration)
        #expect(settings.programs.map(\.id) == ["preschool-aid", "highschool-grant"])
        #expect(settings.programs[0].amountPerTerm == 60_000 && settings.programs[0].shares.county == 20_000 && !settings.programs[0].placeholder)
    }

    @Test(arguments: [
        ("programs: {highschool-grant: {amountPerTerm: 100000}}", "subsidy.programs.highschool-grant.shares"),
        ("programs: {preschool-aid: {highestGrade: 3}}", "subsidy.programs.preschool-aid.grades"),
        ("activePrograms: [town-grant]", "subsidy.programs.town-grant.stage"),
        ("programs: {preschool-aid: {categories: [poor]}}", "subsidy.programs.preschool-aid.categories"),
        ("programs: {preschool-aid: {boarding: sometimes}}", "subsidy.programs.preschool-aid.boarding"),
        ("batchSize: 5", "subsidy.batchSize"),
        ("activePrograms: [preschool-aid, preschool-aid]", "subsidy.activePrograms"),
    ])
    func aProgramThatMakesNoSenseIsRefusedNamingTheKey(yaml: String, key: String) async throws {
        let (configuration, directory) = try await Self.configuration(yaml)
        defer { directory.remove() }
        do {
            _ = try SubsidySettings(configuration: configuration)
            Issue.record("accepted \(yaml)")
        } catch let error as ServiceError {
            #expect(error.code == .configInvalid)
            #expect(error.message.contains(key), "\(error.message)")
        }
    }
}
