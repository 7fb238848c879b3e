/// The school calendar as the county set it: its terms and its special days, in date order.
/// With no term set, every weekday that is no holiday is a school day (as before there was a
/// calendar), and deadlines count every day but holidays.
public struct CalendarView: Codable, Sendable, Equatable {
    public var terms: [SchoolTerm]
    public var days: [CalendarDay]

    public init(terms: [SchoolTerm] = [], days: [CalendarDay] = []) {
        self.terms = terms
        self.days = days
    }
}
