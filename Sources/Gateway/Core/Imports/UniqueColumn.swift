import BaoxueContracts

/// A value no two rows of one file may share (an ID number, a student number, a child on a
/// day): the second occurrence is refused, naming the row of the first.
struct UniqueColumn<Record>: Sendable {
    /// The column the problem is reported on, as the file names it.
    var header: String
    /// What is duplicated, said in each language: `身份证件号` / `ID number`.
    var chinese: String
    var english: String
    /// The value; rows without one are not compared.
    var key: @Sendable (Record) -> String?

    func problem(row: Int, first: Int) -> RowProblem {
        RowProblem(row: row, column: header, reason: "\(chinese)与第\(first)行重复 (same \(english) as row \(first))")
    }
}
