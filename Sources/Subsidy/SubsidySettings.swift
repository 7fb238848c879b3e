import BaoxueContracts
import BaoxueService
import Configuration

/// The programs, the clock and the batch size of the subsidy service, from `subsidy.*` in
/// configuration (`config/subsidy.yaml`), with the national standards as defaults.
///
/// Keys (env: the dotted key upper-cased, dots, hyphens and camelCase boundaries made `_`):
/// - `subsidy.activePrograms` (string list, default every program of
///   ``SubsidyProgram/defaults``): the programs the county runs, in the order lists and reports
///   show them; each is defined under `subsidy.programs.<id>`.
/// - `subsidy.programs.<id>.name`, `.nameEnglish`, `.basis` (text); `.stage` (preschool,
///   compulsory, highSchool); `.lowestGrade`, `.highestGrade` (int, -2…12, within the stage);
///   `.boarding` (boarder, day, any); `.categories` (list of registeredPoor, subsistence,
///   extremeHardship, orphan, disability); `.amountPerTerm` (int, fen, > 0);
///   `.shares.central`, `.shares.provincial`, `.shares.county` (int, fen, ≥ 0, summing to the
///   amount); `.placeholder` (bool). A key left out keeps the default program's value; a program
///   that is not a default must set them all.
/// - `subsidy.batchSize` (int, 100–100,000, default 5,000): children a batch works through per
///   transaction. A batch stopped in the middle keeps every transaction it committed.
/// - `subsidy.slicePauseMilliseconds` (int, 0–60,000, default 0): a pause between a batch's
///   transactions. It leaves room to other writers on a busy host, and lets the end-to-end tests
///   stop the service with SIGKILL between two slices of a batch.
/// - `subsidy.clock.today` (date): a fixed "today", for tests and drills only.
///
/// A program that makes no sense (shares that do not sum to the amount, grades outside the
/// stage) stops the service at start with `config.invalid`, naming the key.
public struct SubsidySettings: Sendable {
    public var programs: [SubsidyProgram] = SubsidyProgram.defaults
    public var batchSize = 5_000
    public var slicePause: Duration = .zero
    /// "Today" in the county.
    public var today: @Sendable () -> CivilDate = Timestamp.todayInChina

    public init() {}

    public init(configuration: ServiceConfiguration) throws {
        self.init()
        let reader = configuration.reader
        let defaults = Dictionary(uniqueKeysWithValues: SubsidyProgram.defaults.map { ($0.id, $0) })
        let ids = reader.stringArray(forKey: "subsidy.activePrograms") ?? SubsidyProgram.defaults.map(\.id)
        guard Set(ids).count == ids.count else {
            throw ServiceError(.configInvalid, "subsidy.activePrograms names a program twice: \(ids.joined(separator: ", "))")
        }
        programs = try ids.map { try Self.program($0, reader: reader, default: defaults[$0]) }
        if let size = try reader.int("subsidy.batchSize", in: 100...100_000) { batchSize = size }
        if let pause = try reader.int("subsidy.slicePauseMilliseconds", in: 0...60_000) { slicePause = .milliseconds(pause) }
        if let fixed = try reader.fixedToday("subsidy.clock.today") { today = fixed }
    }

    /// The program `id` as configuration defines it over its default.
    static func program(_ id: String, reader: ConfigReader, default fallback: SubsidyProgram?) throws -> SubsidyProgram {
        let key = "subsidy.programs.\(id)"
        func missing(_ field: String) -> ServiceError {
            ServiceError(.configInvalid, "\(key).\(field) is required: \(id) is not one of the default programs (\(SubsidyProgram.defaults.map(\.id).joined(separator: ", ")))")
        }
        func text(_ field: String, _ value: String?) throws -> String {
            guard let text = reader.string(forKey: ConfigKey("\(key).\(field)")) ?? value else { throw missing(field) }
            return text
        }
        func int(_ field: String, _ value: Int64?) throws -> Int64 {
            if let configured = reader.int(forKey: ConfigKey("\(key).\(field)")) { return Int64(configured) }
            guard let value else { throw missing(field) }
            return value
        }
        let stageText = try text("stage", fallback?.stage.rawValue)
        guard let stage = EducationStage(rawValue: stageText) else {
            throw ServiceError(.configInvalid, "\(key).stage = \(stageText): must be preschool, compulsory or highSchool")
        }
        let boardingText = try text("boarding", fallback?.boarding.rawValue)
        guard let boarding = BoardingCondition(rawValue: boardingText) else {
            throw ServiceError(.configInvalid, "\(key).boarding = \(boardingText): must be boarder, day or any")
        }
        var categories = fallback?.categories
        if let listed = reader.stringArray(forKey: ConfigKey("\(key).categories")) {
            categories = try listed.map { name in
                guard let category = FamilyCategory(rawValue: name) else {
                    throw ServiceError(.configInvalid, "\(key).categories: \(name) is not one of \(FamilyCategory.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return category
            }
        }
        guard let categories else { throw missing("categories") }
        let program = SubsidyProgram(
            id: id, name: try text("name", fallback?.name), nameEnglish: try text("nameEnglish", fallback?.nameEnglish), stage: stage,
            lowestGrade: Int(try int("lowestGrade", fallback.map { Int64($0.lowestGrade) })), highestGrade: Int(try int("highestGrade", fallback.map { Int64($0.highestGrade) })),
            boarding: boarding, categories: categories, amountPerTerm: try int("amountPerTerm", fallback?.amountPerTerm),
            shares: FundingSplit(
                central: try int("shares.central", fallback?.shares.central), provincial: try int("shares.provincial", fallback?.shares.provincial),
                county: try int("shares.county", fallback?.shares.county)),
            basis: reader.string(forKey: ConfigKey("\(key).basis")) ?? fallback?.basis ?? "",
            placeholder: reader.bool(forKey: ConfigKey("\(key).placeholder")) ?? fallback?.placeholder ?? false)
        if let problem = program.problems().first { throw ServiceError(.configInvalid, problem) }
        return program
    }

    /// The program `id`, or `subsidy.unknownProgram` naming those the county runs.
    public func program(_ id: String) throws(ServiceError) -> SubsidyProgram {
        guard let program = programs.first(where: { $0.id == id }) else {
            throw ServiceError(.subsidyUnknownProgram, "没有资助项目“\(id)”，可用：\(programs.map(\.id).joined(separator: ", ")) (no program \(id); the county runs \(programs.map(\.id).joined(separator: ", ")))",
                               problems: [FieldProblem(field: "program", reason: "one of \(programs.map(\.id).joined(separator: ", "))")])
        }
        return program
    }
}
