import BaoxueSpreadsheet
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

    /// Any table as an Excel workbook, as ``workbook(_:)`` writes the monitor's ledgers: a frozen
    /// header, masked numbers and codes as text, dates as dates.
    public static func workbook(title: String, headers: [String], rows: [[String]]) throws -> Data {
        try XLSXWriter.data([SheetTable(name: title, headers: headers, rows: rows)])
    }
}
