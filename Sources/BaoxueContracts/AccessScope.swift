/// What one actor may read and write, checked by every service where the data lives (not only by
/// the gateway): a township user reaches their township's children, a school user their school's,
/// county roles everything, a viewer reads only. Out of scope is `scope.forbidden`; for a user
/// limited to a township or school, a thing that does not exist (a child, a case, an alert, a
/// wish, a change) gets the same answer, word for word (``missing(_:)``), and a thing elsewhere
/// is refused for being elsewhere before any rule of the role is asked, so such a user cannot
/// probe the county for who or what exists (decision 113).
public struct AccessScope: Sendable {
    public let actor: Actor
    public let role: Role?

    public init(_ actor: Actor) {
        self.actor = actor
        role = Role(rawValue: actor.role)
    }

    /// The township a list must be limited to, if any.
    public var township: String? { role == .townshipStaff ? actor.township ?? "-" : nil }
    /// The school a list must be limited to, if any.
    public var school: String? { role == .schoolStaff ? actor.school ?? "-" : nil }

    /// `what` is bilingual, `中文 (English)`: the message reads `无权中文 (not allowed: English)`.
    public static func forbidden(_ what: String) -> ServiceError {
        var chinese = what, english = what
        let characters = Array(what)
        if what.hasSuffix(")"), let open = (0..<max(characters.count - 1, 0)).last(where: { characters[$0] == " " && characters[$0 + 1] == "(" }) {
            chinese = String(characters[..<open])
            english = String(characters[(open + 2)..<(characters.count - 1)])
        }
        return ServiceError(.scopeForbidden, "无权\(chinese) (not allowed: \(english))")
    }

    /// Whether the actor is limited to one township or school.
    public var isLimited: Bool { role == .townshipStaff || role == .schoolStaff }

    /// The answer for a thing that was not found by its id or key: `notFound` for county-wide
    /// roles; for limited users the same `scope.forbidden` an existing thing elsewhere gets.
    public func missing(_ notFound: ServiceError) -> ServiceError {
        isLimited ? Self.outOfScope : notFound
    }

    /// What a limited user hears about anything outside their township or school, and about
    /// anything that does not exist: one answer, so the two cannot be told apart.
    static var outOfScope: ServiceError { forbidden("查看或办理该学生 (this student is outside your scope)") }

    /// For a limited user, refuses a thing elsewhere as ``missing(_:)`` refuses a missing one,
    /// before a role's own rule could answer differently for things that exist.
    func requireReachWhenLimited(township: String, school: String) throws(ServiceError) {
        if isLimited, !reaches(township: township, school: school) { throw Self.outOfScope }
    }

    /// Whether a child of `township` at `school` is within reach.
    public func reaches(township: String, school: String) -> Bool {
        switch role {
        case .countyAdmin, .countyOperator, .viewer, .system: true
        case .townshipStaff: actor.township == township
        case .schoolStaff: actor.school == school
        case nil: false
        }
    }

    public func requireReach(township: String, school: String) throws(ServiceError) {
        guard reaches(township: township, school: school) else { throw Self.outOfScope }
    }

    /// County-wide writes: imports, school lists.
    public func requireCountyWrite() throws(ServiceError) {
        guard role == .countyAdmin || role == .countyOperator || role == .system else {
            throw Self.forbidden("导入或修改全县数据 (county-wide imports and changes need a county operator)")
        }
    }

    /// Working a child's case, acknowledging their alerts: county roles anywhere, township staff
    /// in their township, school staff at their school. Viewers read only.
    public func requireCaseWork(township: String, school: String) throws(ServiceError) {
        try requireReachWhenLimited(township: township, school: school)
        switch role {
        case .countyAdmin, .countyOperator, .system: return
        case .townshipStaff where actor.township == township: return
        case .schoolStaff where actor.school == school: return
        default: throw Self.forbidden("办理该学生的控辍事务 (this child's case work is outside your scope)")
        }
    }

    /// Reporting a child's absence: county roles, or the child's own school.
    public func requireAbsenceReport(school: String) throws(ServiceError) {
        if role == .schoolStaff, actor.school != school { throw Self.outOfScope }
        switch role {
        case .countyAdmin, .countyOperator, .system: return
        case .schoolStaff where actor.school == school: return
        default: throw Self.forbidden("报告该学生缺课 (absences are reported by the child's school or a county operator)")
        }
    }

    /// Managing users and reading the audit log: county admins only.
    public func requireCountyAdmin() throws(ServiceError) {
        guard role == .countyAdmin else {
            throw Self.forbidden("管理用户或查看审计日志 (managing users and reading the audit log need a county admin)")
        }
    }

    /// Writing one child's record (status changes, adding a child): county roles anywhere, school
    /// staff at their own school.
    public func requireStudentWrite(township: String, school: String) throws(ServiceError) {
        try requireReachWhenLimited(township: township, school: school)
        switch role {
        case .countyAdmin, .countyOperator, .system: return
        case .schoolStaff where actor.school == school: return
        default: throw Self.forbidden("办理该学生的学籍变动 (status changes need a county operator or the child's school)")
        }
    }

    /// Narrows a list's township and school filters to the scope (see ``narrow(_:to:what:)``).
    public func narrow(township: String?, school: String?) throws(ServiceError) -> (township: String?, school: String?) {
        (try narrow(township, to: self.township, what: "乡镇 township"), try narrow(school, to: self.school, what: "学校 school"))
    }

    /// Narrows a filter to the scope, refusing a filter that asks for more, and an actor whose
    /// role the service does not know.
    public func narrow(_ requested: String?, to limit: String?, what: String) throws(ServiceError) -> String? {
        guard role != nil else { throw Self.forbidden("未知角色\(actor.role) (unknown role \(actor.role))") }
        guard let limit else { return requested }
        if let requested, requested != limit { throw Self.forbidden("查看其他\(what)的数据 (another \(what)'s data)") }
        return limit
    }
}
