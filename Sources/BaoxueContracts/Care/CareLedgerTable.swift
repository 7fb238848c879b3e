/// The left-behind ledger as `care.ledger.export` answers it: Chinese headers and rows of final
/// text, ID numbers and phones already masked, for the gateway to write as a CSV for Excel.
public struct CareLedgerTable: Codable, Sendable, Equatable {
    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]] = []) {
        self.headers = headers
        self.rows = rows
    }
}
