import BaoxueContracts
import BaoxueSpreadsheet
import Foundation

/// A table of an imported file (学生名单, 学校名单): the header mapped to known columns, and the
/// data rows keyed by those columns.
///
/// Generic over the file's kind of column, so one reader serves every import:
///
/// ```swift
/// let table = try Table<StudentField>.read(data, encoding: nil)
/// for row in table.rows {
///     switch StudentRecord.parse(row.fields) { … }
/// }
/// ```
///
/// The header is the first row that is not blank. Each header cell is matched with
/// `Column(header:)`, so the Chinese name, an English alias, spaces and a `*` marking a required
/// column all work. Columns the national exports carry that the import deliberately does not keep
/// are listed in ``unusedColumns``; any other column is listed in ``ignoredHeaders``, and
/// ``refuseUnknownColumns(allowingExtra:)`` stops the import for it before anything is written.
public struct Table<Column: ImportColumn>: Sendable, Equatable {
    /// The columns the header names, in file order.
    public var columns: [Column]
    /// Header cells that name no known column, trimmed, in file order; blank header cells are
    /// not listed.
    public var ignoredHeaders: [String]
    /// Header cells the import knows and does not keep (``ImportColumn/unusedHeaders``: 民族,
    /// 籍贯 …), in file order.
    public var unusedColumns: [String] = []
    /// The 1-based line of the header row.
    public var headerLine: Int
    /// The data rows, blank rows skipped.
    public var rows: [TableRow<Column>]
    /// The encoding the file was read in, when the table was made by ``read(_:encoding:)``.
    public var encoding: TextEncoding?
    /// The cell separator the file was read with.
    public var separator: FieldSeparator
    /// What the file was: CSV text or an Excel workbook.
    public var format: SpreadsheetFormat = .csv
    /// The worksheet read, for a workbook.
    public var sheet: String?
    /// For each of ``columns``, the index of its cell in a record.
    @usableFromInline var cellIndices: [Int] = []
    /// How many cells the header spans (to its last named cell).
    @usableFromInline var width = 0

    /// Maps parsed records to columns.
    ///
    /// - Throws: ``TableError`` `csv.empty` (only blank rows), `csv.duplicateColumn` (two
    ///   header cells name one column, such as `身份证件号` and `身份证号`), `csv.missingColumns`
    ///   (a column whose `isRequiredColumn` is true is absent). The messages name the columns in
    ///   Chinese and English.
    ///
    /// Inlinable so the row loop is specialised for the caller's column type: unspecialised, it
    /// looks up generic metadata for every row's dictionary and takes twice as long.
    @inlinable
    public init(_ parsed: ParsedCSV, encoding: TextEncoding? = nil) throws(TableError) {
        guard let headerIndex = parsed.rows.firstIndex(where: { !Self.isBlank($0) }) else { throw .noHeader }
        let header = parsed.rows[headerIndex]
        let headerLine = parsed.lines[headerIndex]

        var mapping: [(index: Int, column: Column)] = []
        var headersByColumn: [Column: [String]] = [:]
        var ignored: [String] = []
        var unused: [String] = []
        for (index, cell) in header.enumerated() {
            let name = TextNormalization.field(cell)
            if name.isEmpty { continue }
            guard let column = Column(header: name) else {
                if Column.unusedHeaders.contains(Column.headerKey(name)) { unused.append(name) } else { ignored.append(name) }
                continue
            }
            if headersByColumn[column] == nil { mapping.append((index, column)) }
            headersByColumn[column, default: []].append(name)
        }
        let duplicates = mapping.compactMap { entry in
            headersByColumn[entry.column].flatMap { $0.count > 1 ? (column: entry.column, headers: $0) : nil }
        }
        if !duplicates.isEmpty { throw .duplicateColumns(duplicates, headerLine: headerLine) }
        let missing = Column.allCases.filter { $0.isRequiredColumn && headersByColumn[$0] == nil }
        if !missing.isEmpty {
            throw .missingColumns(Array(missing), headerLine: headerLine, recognisedAny: !mapping.isEmpty)
        }

        // Cells past the last named header cell hold data no column will read.
        let width = (header.lastIndex(where: { !$0.isBlankCell }) ?? -1) + 1
        self.cellIndices = mapping.map(\.index)
        self.width = width
        self.columns = mapping.map(\.column)
        self.rows = Self.rows(parsed, from: headerIndex + 1, cellIndices: cellIndices, columns: columns, width: width, numberedAfter: 0)
        self.ignoredHeaders = ignored
        self.unusedColumns = unused
        self.headerLine = headerLine
        self.encoding = encoding
        self.separator = parsed.separator
    }

    /// The rows of a later segment of the file whose first segment made `header`
    /// (``CSVSegments``): the same columns, numbered on after `rowsBefore` rows.
    @inlinable
    public init(_ parsed: ParsedCSV, continuing header: Table<Column>, rowsBefore: Int) {
        self = header
        self.rows = Self.rows(parsed, from: 0, cellIndices: header.cellIndices, columns: header.columns, width: header.width, numberedAfter: rowsBefore)
    }

    /// The data rows of `parsed` from record `first` on, blank rows skipped.
    @inlinable
    static func rows(_ parsed: ParsedCSV, from first: Int, cellIndices: [Int], columns: [Column], width: Int, numberedAfter rowsBefore: Int) -> [TableRow<Column>] {
        var rows: [TableRow<Column>] = []
        rows.reserveCapacity(max(parsed.rows.count - first, 0))
        for recordIndex in parsed.rows.indices.dropFirst(first) {
            let cells = parsed.rows[recordIndex]
            if Self.isBlank(cells) { continue }
            var fields: [Column: String] = Dictionary(minimumCapacity: columns.count)
            for (index, column) in zip(cellIndices, columns) {
                fields[column] = index < cells.count ? cells[index] : ""
            }
            var problem: String?
            if cells.count > width, let last = cells.lastIndex(where: { !$0.isBlankCell }), last >= width {
                problem = Self.tooManyCells(last + 1, width: width)
            }
            rows.append(TableRow(row: rowsBefore + rows.count + 1, line: parsed.lines[recordIndex], fields: fields, problem: problem))
        }
        return rows
    }

    /// Reads an uploaded file in one step: what an import does with it. A CSV is decoded and
    /// parsed; an Excel workbook (`.xlsx` or `.xls`, told by its first bytes) has its first sheet,
    /// or `sheet`, read as text cells, and a row's ``TableRow/line`` is then its row number in
    /// the sheet. Either way the header is mapped and the rows checked alike.
    ///
    /// - Parameters:
    ///   - encoding: the encoding a person named, or `nil` to detect UTF-8 or GB18030 (CSV only).
    ///   - sheet: the worksheet to read, by name (workbooks only).
    /// - Throws: ``TableError``; see ``TextDecoding/decode(_:encoding:)``,
    ///   ``CSVParser/parse(_:)`` and ``init(_:encoding:)``; `sheet.unreadable`, `sheet.notFound`
    ///   for a workbook.
    @inlinable
    public static func read(_ data: Data, encoding: TextEncoding? = nil, sheet: String? = nil) throws(TableError) -> Table<Column> {
        let format = SpreadsheetFormat.detect(data)
        guard format == .csv else {
            let read: Sheet
            do {
                read = format == .xlsx ? try XLSXReader.read(data, sheet: sheet) : try XLSReader.read(data, sheet: sheet)
            } catch {
                throw TableError(code: error.code, message: error.message)
            }
            var table = try Table(ParsedCSV(rows: read.rows, lines: read.rowNumbers, separator: .comma))
            table.format = format
            table.sheet = read.name
            return table
        }
        let decoded = try TextDecoding.decode(data, encoding: encoding)
        let parsed = try CSVParser().parse(decoded.text)
        return try Table(parsed, encoding: decoded.encoding)
    }

    /// Stops an import whose header has a column the import does not know, before a row is
    /// read: storing the file without it would lose what it says without a word (a national
    /// export's 是否留守 column skipped stores every child as 非留守). A column that looks like a
    /// known one (``ImportColumn/resembling(_:)``) always stops it; any other only without
    /// `allowingExtra`, the person's statement that those columns do not matter.
    ///
    /// - Throws: ``TableError`` `csv.unknownColumns`, naming each column and what it looks like.
    public func refuseUnknownColumns(allowingExtra: Bool) throws(TableError) {
        let lookalikes = ignoredHeaders.compactMap { header in Column.resembling(header).map { (header, $0) } }
        guard !lookalikes.isEmpty || (!allowingExtra && !ignoredHeaders.isEmpty) else { return }
        let listed = allowingExtra ? lookalikes.map(\.0) : ignoredHeaders
        let zh = listed.map { header in
            Column.resembling(header).map { "“\(header)”（像是“\($0.header)”）" } ?? "“\(header)”"
        }.joined(separator: "、")
        let en = listed.map { header in
            Column.resembling(header).map { "\"\(header)\" (like \"\($0.header)\")" } ?? "\"\(header)\""
        }.joined(separator: ", ")
        let onlyExtra = lookalikes.isEmpty
        throw TableError(
            code: .csvUnknownColumns,
            message: "表头（第\(headerLine)行）有无法识别的列：\(zh)。为免数据悄悄丢失，未导入任何一行：请把列名改为认可的名称（docs/imports.md）"
                + (onlyExtra ? "；确认这些列无需导入时，加 --allow-extra-columns（HTTP：allowExtraColumns=true）" : "")
                + " (the header on line \(headerLine) has columns this import does not know: \(en). Nothing was imported, so nothing is lost silently: rename them to accepted names (docs/imports.md)"
                + (onlyExtra ? ", or, if they do not matter, pass --allow-extra-columns (HTTP: allowExtraColumns=true))" : ")"),
            line: headerLine)
    }

    @usableFromInline
    static func isBlank(_ cells: [String]) -> Bool {
        cells.allSatisfy(\.isBlankCell)
    }

    @usableFromInline
    static func tooManyCells(_ count: Int, width: Int) -> String {
        "此行有\(count)个单元格，多于表头的\(width)列；可能是某个值中有未加引号的逗号，使后面的单元格错位 (this row has \(count) cells but the header has \(width) columns; an unquoted comma in a value may have shifted the cells after it)"
    }
}
