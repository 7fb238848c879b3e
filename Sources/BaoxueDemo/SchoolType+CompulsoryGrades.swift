import BaoxueContracts

extension SchoolType {
    /// The compulsory-education grades (1–9) a school of this type teaches in the demo county, or
    /// `nil` for types that take no compulsory-school pupils (vocational, complete secondary,
    /// kindergarten). Teaching points (教学点) keep only the youngest pupils near home.
    var compulsoryGrades: ClosedRange<Int>? {
        switch self {
        case .teachingPoint: 1...3
        case .primary: 1...6
        case .junior: 7...9
        case .nineYear, .special: 1...9
        case .vocational, .complete, .kindergarten, .senior: nil
        }
    }
}
