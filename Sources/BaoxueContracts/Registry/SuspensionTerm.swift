/// How long a suspension (休学) runs when the school does not say: DOMAIN.md's "normally one school
/// year", read as to the end of the school year, the day before the next one begins on 1 September,
/// so rule 3 looks for the child when school starts again rather than on a date's anniversary in
/// the middle of a term. A suspension that would end within 90 days (one begun in June) runs to
/// the end of the next school year.
public enum SuspensionTerm {
    public static func defaultEnd(from date: CivilDate) -> CivilDate {
        let end = CivilDate(year: date.schoolYearStart.year + 1, month: 8, day: 31)!
        return date.adding(days: 90) > end ? CivilDate(year: end.year + 1, month: 8, day: 31)! : end
    }
}
