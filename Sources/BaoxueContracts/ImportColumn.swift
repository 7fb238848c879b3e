/// A column of an imported table (schools, students, later rosters): how a header names it and
/// whether a file must have it. One table reader serves every kind of file through this.
public protocol ImportColumn: Hashable, Sendable, CaseIterable {
    /// The Chinese column name the county's files use.
    var header: String { get }
    /// Whether a file without this column is refused.
    var isRequiredColumn: Bool { get }
    /// Finds the column a header names (Chinese or an English alias).
    init?(header: String)
}
