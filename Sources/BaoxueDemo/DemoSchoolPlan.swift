import BaoxueContracts

/// A school of the demo county before it has a code, with what the roster draw needs: where it
/// is and how many pupils it attracts compared with the other schools of its township.
struct DemoSchoolPlan: Sendable {
    var name: String
    var type: SchoolType
    /// Index into the layout's townships.
    var township: Int
    /// Index into the township's villages for a village school or teaching point, whose pupils
    /// mostly live in that village.
    var village: Int?
    /// Relative pull for grades 1–6 and for grades 7–9; a town's central primary school draws
    /// several times the pupils of a village school.
    var primaryWeight: Double
    var juniorWeight: Double
    /// Schools of the county seat, where few pupils board.
    var isUrban: Bool

    /// The weight for `grade`, or 0 when the school does not teach it.
    func weight(forGrade grade: Int) -> Double {
        guard let grades = type.compulsoryGrades, grades.contains(grade) else { return 0 }
        return grade <= 6 ? primaryWeight : juniorWeight
    }
}
