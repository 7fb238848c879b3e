extension CivilDate {
    /// 1 September on or before this date: the school year it falls in begins then (DOMAIN.md:
    /// ages and yearly quotas such as home-delivered teaching count by school year).
    public var schoolYearStart: CivilDate {
        CivilDate(year: month >= 9 ? year : year - 1, month: 9, day: 1)!
    }
}
