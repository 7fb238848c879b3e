import BaoxueContracts

/// Compulsory-school age (义务教育适龄) as the cross-check reads it: for the school year containing a
/// date (a school year starts on 1 September), 6 by 31 August of that year and not yet 16 on it.
/// The subsidy service publishes the school-age children of its rosters whom no school holds,
/// and the monitor counts them by the same window.
enum CompulsoryAge {
    /// The birth dates of the school-age children, inclusive, as `YYYYMMDD` (how they sit inside
    /// an ID number, characters 7–14).
    static func birthKeys(on date: CivilDate) -> (from: String, to: String) {
        let year = date.month >= 9 ? date.year : date.year - 1
        return (key(CivilDate(year: year - 16, month: 9, day: 1)!), key(CivilDate(year: year - 6, month: 8, day: 31)!))
    }

    static func key(_ date: CivilDate) -> String {
        String(date.description.filter { $0 != "-" })
    }

    static func contains(idNumber: String, on date: CivilDate) -> Bool {
        let window = birthKeys(on: date)
        let birth = String(idNumber.dropFirst(6).prefix(8))
        return birth >= window.from && birth <= window.to
    }
}
