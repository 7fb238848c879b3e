/// A column of an imported table (schools, students, later rosters): how a header names it and
/// whether a file must have it. One table reader serves every kind of file through this.
public protocol ImportColumn: Hashable, Sendable, CaseIterable {
    /// The Chinese column name the county's files use.
    var header: String { get }
    /// Whether a file without this column is refused.
    var isRequiredColumn: Bool { get }
    /// Finds the column a header names (Chinese or an English alias).
    init?(header: String)
    /// Word stems a header naming this column would contain ("留守", "残疾"): an unknown header
    /// that contains one is taken for a misspelt column and stops the import, because storing
    /// the file without it would silently lose what it says (a 双亲留守 child stored as 非留守).
    var stems: [String] { get }
    /// Headers the national exports write that this import knows and deliberately does not keep
    /// (民族, 籍贯, 成员3姓名 …), keyed as ``ImportColumn/headerKey(_:)`` makes them. They are listed,
    /// not refused, so a file exported "as it comes" imports without `--allow-extra-columns`.
    static var unusedHeaders: Set<String> { get }
}

extension ImportColumn {
    public var stems: [String] { [] }
    public static var unusedHeaders: Set<String> { [] }

    /// A header as the columns compare it: normalised (full-width folded, trimmed), lower-cased,
    /// without spaces or the `*` that marks a required column.
    public static func headerKey(_ header: String) -> String {
        TextNormalization.field(header).lowercased().filter { $0 != " " && $0 != "*" }
    }

    /// The column an unknown header looks like, if any: the first whose stem it contains.
    public static func resembling(_ header: String) -> Self? {
        let key = headerKey(header)
        return allCases.first { column in column.stems.contains { key.contains($0) } }
    }
}

/// Columns are hashed and compared by case, not by name. Every row of an upload is a dictionary
/// keyed by its columns and looked up some fifty times while it is checked; the standard library's
/// default for a `String`-backed enum hashes the raw string each time, which was a tenth of the
/// gateway's work in a 100,000-row import (docs/performance.md). Every column enum is a plain
/// enum of fewer than 256 cases, so its one byte is its case (`ImportColumnTests` checks that
/// each type's cases stay distinct).
extension ImportColumn where Self: RawRepresentable, RawValue == String {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(caseTag)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.caseTag == rhs.caseTag
    }

    /// The case's number as the enum stores it (0 for an enum of one case, which takes no space).
    var caseTag: UInt8 {
        precondition(MemoryLayout<Self>.size <= 1, "an import column is a plain enum of fewer than 256 cases")
        return withUnsafeBytes(of: self) { $0.first ?? 0 }
    }
}
