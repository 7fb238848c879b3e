import BaoxueContracts
import BaoxueSpreadsheet
import Foundation

/// Writes a ledger as a CSV that Excel on a Chinese Windows desktop opens correctly: UTF-8 with a
/// byte order mark (without it Excel reads the file as GBK and garbles every name), CRLF line
/// ends, Chinese headers, RFC 4180 quoting (a comma, quote or line break in a name stays inside
/// its cell).
///
/// Two of Excel's habits are guarded against: a cell starting with `=`, `+`, `-` or `@` would be
/// run as a formula (CSV injection through a name), so it gets a leading `'`; and a long run of
/// digits (a 12-digit village code) would be shown in scientific notation and rounded past 15
/// digits, so it is written as the text formula `="510123101201"`.
public enum LedgerCSV {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func render(_ table: LedgerTable) -> Data {
        render(headers: table.headers, rows: table.rows)
    }

    /// The file name a download suggests: `疑似辍学学生台账-2026-11-02.csv` (or `.xlsx`).
    public static func fileName(_ kind: LedgerKind, on date: CivilDate, extension suffix: String = "csv") -> String {
        "\(kind.title(.zh))-\(date).\(suffix)"
    }

    /// The ledger as an Excel workbook: a frozen header, ID numbers and codes as text.
    public static func workbook(_ table: LedgerTable) throws -> Data {
        try workbook(title: table.kind.title(.zh), headers: table.headers, rows: table.rows)
    }

    static func append(_ cells: [String], to bytes: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            append(cell, to: &bytes)
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    static func append(_ cell: String, to bytes: inout [UInt8]) {
        let utf8 = cell.utf8
        if utf8.count > 11, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            bytes.append(contentsOf: "=\"".utf8)
            bytes.append(contentsOf: utf8)
            bytes.append(0x22)
            return
        }
        let formula = utf8.first.map { [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains($0) } ?? false
        let needsQuotes = formula || utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if needsQuotes { bytes.append(0x22) }
        if formula { bytes.append(0x27) }
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        if needsQuotes { bytes.append(0x22) }
    }
}
