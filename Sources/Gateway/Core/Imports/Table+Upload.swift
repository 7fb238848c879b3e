import BaoxueCSV
import BaoxueContracts
import Foundation

extension Table {
    /// Reads an uploaded file (CSV, or a worksheet of an Excel workbook) as a table of `Column`s,
    /// or refuses it with the `csv.*` code that
    /// says why (empty, Excel, unreadable encoding, missing columns) as it crosses to the caller.
    static func upload(_ data: Data, encoding: TextEncoding?, sheet: String? = nil) throws(ServiceError) -> Table<Column> {
        do {
            return try Table<Column>.read(data, encoding: encoding, sheet: sheet)
        } catch {
            throw error.serviceError
        }
    }
}
