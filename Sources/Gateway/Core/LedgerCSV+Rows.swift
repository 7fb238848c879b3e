import Foundation

extension LedgerCSV {
    /// Any table as the ledgers are written (BOM, CRLF, quoting, guards against Excel): the care
    /// ledger, whose table is not one of the monitor's three.
    public static func render(headers: [String], rows: [[String]]) -> Data {
        var bytes = byteOrderMark
        bytes.reserveCapacity(64 * (rows.count + 1) * max(headers.count, 1) / 4)
        append(headers, to: &bytes)
        for row in rows { append(row, to: &bytes) }
        return Data(bytes)
    }
}
