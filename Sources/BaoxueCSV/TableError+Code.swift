extension TableError {
    /// The stable machine code of a ``TableError``: what callers branch on and what crosses a
    /// service boundary, while the message is free to improve.
    ///
    /// Match it in a `catch` clause: `catch TableError.Code.xlsx { … }`.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// `csv.empty`: no bytes, only white space, or no header row.
        public static let empty = Code(rawValue: "csv.empty")
        /// `csv.binary`: NUL bytes or another binary format (an old Excel `.xls`).
        public static let binary = Code(rawValue: "csv.binary")
        /// `csv.xlsx`: a ZIP archive, which is what an Excel `.xlsx` workbook is.
        public static let xlsx = Code(rawValue: "csv.xlsx")
        /// `csv.encoding`: the bytes are not text in the encoding named or in any we read.
        public static let encoding = Code(rawValue: "csv.encoding")
        /// `csv.unterminatedQuote`: a quoted cell never closes.
        public static let unterminatedQuote = Code(rawValue: "csv.unterminatedQuote")
        /// `csv.missingColumns`: the header lacks a required column.
        public static let missingColumns = Code(rawValue: "csv.missingColumns")
        /// `csv.duplicateColumn`: two header cells name the same column.
        public static let duplicateColumn = Code(rawValue: "csv.duplicateColumn")

        public var description: String { rawValue }

        /// Lets `catch TableError.Code.missingColumns` read like the code it tests.
        public static func ~= (code: Code, error: any Error) -> Bool {
            (error as? TableError)?.code == code
        }
    }
}
