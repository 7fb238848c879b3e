import BaoxueContracts

/// What the monitor reads from an ID number as it stores it (the canonical 18 characters),
/// without validating it again: the birth date the cross-check's age window compares (decision
/// 50: the roster stores no derived column). Its masked form is ``Masking/idNumber(_:)``.
extension IDNumber {
    /// The birth date inside a stored number (characters 7–14).
    static func birthDate(inText value: String) -> CivilDate? {
        CivilDate(parsing: String(value.dropFirst(6).prefix(8)))
    }

    /// `YYYYMMDD`, as a birth date sits inside an ID number: what `substr(id_number, 7, 8)` is
    /// compared with.
    static func birthKey(_ date: CivilDate) -> String {
        date.description.replacingOccurrences(of: "-", with: "")
    }
}
