import BaoxueContracts
import Foundation
import GRDB

/// A batch as its table row holds it.
struct BatchRow: Sendable {
    enum State: String { case running, done }

    var id: Int64
    var requestID: String
    var term: Term
    var programID: String
    var township: String?
    var school: String?
    var date: CivilDate
    /// The program's amount and split when the batch began: a batch pays what it began with, even
    /// if the configuration changes while it runs.
    var amount: FundingSplit
    var placeholder: Bool
    var state: State
    /// The student number of the last child worked on: a batch walks children in number order,
    /// and one the service stopped in the middle resumes after it.
    var afterStudent: String
    var paid: Int
    var alreadyPaid: Int
    var excluded: Int
    var startedAt: String
    var startedBy: String
    var actor: Data
    var finishedAt: String?

    static func fetch(_ db: Database, id: Int64) throws -> BatchRow? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM batch WHERE id = ?"), arguments: [id]) else { return nil }
        return BatchRow(
            id: row["id"], requestID: row["request_id"], term: Term(parsing: row["term"])!, programID: row["program"], township: row["township"],
            school: row["school"], date: CivilDate(parsing: row["batch_date"])!,
            amount: FundingSplit(central: row["central"], provincial: row["provincial"], county: row["county"]), placeholder: row["placeholder"],
            state: State(rawValue: row["state"]) ?? .done, afterStudent: row["after_student"], paid: row["paid"], alreadyPaid: row["already_paid"],
            excluded: row["excluded"], startedAt: row["started_at"], startedBy: row["started_by"], actor: row["actor"], finishedAt: row["finished_at"])
    }

    /// The program the batch pays, with the amount it began with; eligibility by the program's
    /// current definition (or, if the county has since dropped it, by the batch alone).
    func program(_ settings: SubsidySettings) -> SubsidyProgram {
        var program = (try? settings.program(programID)) ?? SubsidyProgram(
            id: programID, name: programID, nameEnglish: programID, stage: .compulsory, lowestGrade: 1, highestGrade: 9, boarding: .any,
            categories: FamilyCategory.allCases, amountPerTerm: amount.total, shares: amount, basis: "")
        program.amountPerTerm = amount.total
        program.shares = amount
        return program
    }
}
