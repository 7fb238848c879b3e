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
