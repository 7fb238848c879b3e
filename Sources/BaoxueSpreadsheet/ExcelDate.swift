import BaoxueContracts

/// Excel's dates: days since 1899-12-30 (the 1900 system, whose phantom 29 February 1900 this
/// offset already absorbs for every date after it), or since 1904-01-01 in workbooks made by old
/// Macs. An import wants them as `YYYY-MM-DD`, as a person would have typed them.
enum ExcelDate {
    /// The day number of serial 0 in each system.
    static let zero1900 = CivilDate(year: 1900, month: 1, day: 1)!.dayNumber - 2
    static let zero1904 = CivilDate(year: 1904, month: 1, day: 1)!.dayNumber

    /// The date of serial `value` (its time of day dropped), or nil outside 1900–2200.
    static func civilDate(serial value: Double, date1904: Bool = false) -> CivilDate? {
        guard value.isFinite, value >= 61, value < 110_000 else { return nil }
        return CivilDate(dayNumber: (date1904 ? zero1904 : zero1900) + Int(value.rounded(.down)))
    }

    /// The serial of `date` in the 1900 system, as a writer stores a date cell.
    static func serial(_ date: CivilDate) -> Double {
        Double(date.dayNumber - zero1900)
    }
}
