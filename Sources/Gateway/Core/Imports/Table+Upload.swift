import BaoxueCSV
import BaoxueContracts
import Foundation

extension Table {
    /// Reads an uploaded file (CSV, or a worksheet of an Excel workbook) as a table of `Column`s,
    /// or refuses it with the `csv.*` code that
    /// says why (empty, Excel, unreadable encoding, missing or unknown columns) as it crosses to
    /// the caller. Unknown columns stop it unless `allowExtraColumns`
    /// (``Table/refuseUnknownColumns(allowingExtra:)``).
    static func upload(_ data: Data, encoding: TextEncoding?, sheet: String? = nil, allowExtraColumns: Bool = false) throws(ServiceError) -> Table<Column> {
        do {
            let table = try Table<Column>.read(data, encoding: encoding, sheet: sheet)
            try table.refuseUnknownColumns(allowingExtra: allowExtraColumns)
            return table
        } catch {
            throw error.serviceError
        }
    }
}
