import BaoxueContracts

/// Who is eligible for what, as a pure function of a child, their family's list memberships, a
/// term and the programs (DOMAIN.md, "Student subsidies"): the table of program × category ×
/// stage × boarding that `EligibilityRuleTests` checks case by case.
///
/// A child is eligible for a program in a term when
/// - their family is on one of the program's lists at some time during the term (a family that
///   leaves a list stays eligible for the term it left in, and stops from the next);
/// - their grade is one the program pays, and their attendance fits its boarding condition;
/// - their school career had not ended before the term began (dropped out, left the county,
///   died, graduated): such a child is the monitor's to bring back, not a payment to make.
///
/// Where the child stands on a batch's date (excluded, paid by the school holding them) is the
/// batch's rule, not this one.
enum EligibilityRule {
    /// The statuses that end a school career (for aid: nothing is paid after them).
    static let ended: Set<StudentStatus> = [.droppedOut, .leftCounty, .deceased, .graduated]

    /// Whether a stay on a list overlaps the term.
    static func counts(_ basis: EligibilityBasis, in term: Term) -> Bool {
        basis.since <= term.end && (basis.until.map { $0 > term.start } ?? true)
    }

    /// Whether the child's career ended before the term began. A final status with no known date
    /// is taken as ended long ago.
    static func endedBefore(_ term: Term, status: StudentStatus, since: CivilDate?) -> Bool {
        guard ended.contains(status) else { return false }
        guard let since else { return true }
        return since < term.start
    }

    /// The programs the child is eligible for in `term`, each with the list stays that make it so.
    static func eligible(grade: Int, attendance: AttendanceMode, status: StudentStatus, statusDate: CivilDate?, basis: [EligibilityBasis], term: Term, programs: [SubsidyProgram]) -> [(program: SubsidyProgram, basis: [EligibilityBasis])] {
        eligibleIndexes(grade: grade, attendance: attendance, status: status, statusDate: statusDate, basis: basis, term: term, programs: programs).map { index in
            (programs[index], basis.filter { qualifies($0, for: programs[index], in: term) })
        }
    }

    /// The positions in `programs` of the ones the child is eligible for in `term`: the rule
    /// itself, without copying a program or a stay, for coverage's pass over a county's lists.
    static func eligibleIndexes(grade: Int, attendance: AttendanceMode, status: StudentStatus, statusDate: CivilDate?, basis: [EligibilityBasis], term: Term, programs: [SubsidyProgram]) -> [Int] {
        guard !endedBefore(term, status: status, since: statusDate) else { return [] }
        return programs.indices.filter { index in
            programs[index].covers(grade: grade, attendance: attendance) && basis.contains { qualifies($0, for: programs[index], in: term) }
        }
    }

    /// Whether a stay on a list makes a child eligible for `program` in `term`.
    private static func qualifies(_ stay: EligibilityBasis, for program: SubsidyProgram, in term: Term) -> Bool {
        counts(stay, in: term) && program.categories.contains(stay.category)
    }
}
