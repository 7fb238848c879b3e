import Foundation
import ZIPFoundation

/// Reads a worksheet of an Excel workbook (`.xlsx`: a ZIP package of XML parts) as text cells,
/// with ZIPFoundation for the package and Foundation's XML parser for the parts.
public enum XLSXReader {
    /// The sheet named `sheet`, or the first one.
    /// - Throws: `sheet.unreadable` for a damaged or encrypted workbook, `sheet.notFound` for a
    ///   name it does not have.
    public static func read(_ data: Data, sheet: String? = nil) throws(SpreadsheetError) -> Sheet {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .unreadable(.xlsx, "不是有效的ZIP包", "not a valid ZIP package")
        }
        func part(_ path: String) throws(SpreadsheetError) -> Data? {
            guard let entry = archive[path] else { return nil }
            var bytes = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: true) { bytes.append($0) }
            } catch {
                throw .unreadable(.xlsx, "无法解压\(path)", "cannot unpack \(path)")
            }
            return bytes
        }
        let workbook = XLSXWorkbookParser()
        guard let workbookXML = try part("xl/workbook.xml"), workbook.parse(workbookXML), !workbook.sheets.isEmpty else {
            throw .unreadable(.xlsx, "缺少工作簿目录xl/workbook.xml", "no xl/workbook.xml")
        }
        let relations = XLSXRelationsParser()
        if let relationsXML = try part("xl/_rels/workbook.xml.rels") { _ = relations.parse(relationsXML) }
        let chosen: (name: String, relationship: String)
        if let sheet {
            guard let named = workbook.sheets.first(where: { $0.name == sheet }) else { throw .noSuchSheet(sheet, available: workbook.sheets.map(\.name)) }
            chosen = named
        } else {
            chosen = workbook.sheets[0]
        }
        let target = relations.targets[chosen.relationship].map(XLSXRelationsParser.path) ?? "xl/worksheets/sheet1.xml"
        let strings = XLSXSharedStringsParser()
        if let stringsXML = try part("xl/sharedStrings.xml") { _ = strings.parse(stringsXML) }
        let styles = XLSXStylesParser()
        if let stylesXML = try part("xl/styles.xml") { _ = styles.parse(stylesXML) }
        guard let sheetXML = try part(target) else { throw .unreadable(.xlsx, "缺少工作表\(target)", "no \(target)") }
        let worksheet = XLSXWorksheetParser(strings: strings.strings, dateStyles: styles.dateStyles, date1904: workbook.date1904)
        guard worksheet.parse(sheetXML) else { throw .unreadable(.xlsx, "工作表\(chosen.name)的XML无效", "the XML of sheet \(chosen.name) is not well formed") }
        return Sheet(name: chosen.name, rows: worksheet.rows, rowNumbers: worksheet.rowNumbers)
    }
}
