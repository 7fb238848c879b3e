import BaoxueContracts

/// What `baoxue user add` asks for, checked before anything is stored: a usable name, a role
/// people may hold (not `system`), and exactly the scope that role needs.
public struct NewUser: Sendable {
    public var name: String
    public var role: Role
    public var township: String?
    public var school: String?

    /// Longest user name accepted.
    public static let maximumNameLength = 64

    public init(name: String, role: Role, township: String? = nil, school: String? = nil) {
        self.name = name
        self.role = role
        self.township = township
        self.school = school
    }

    /// Parses the role's text and checks everything, listing every problem at once.
    public static func checked(name rawName: String, role roleText: String, township rawTownship: String?, school rawSchool: String?) throws(ServiceError) -> NewUser {
        var problems: [FieldProblem] = []
        let name = TextNormalization.field(rawName)
        if name.isEmpty || name.count > maximumNameLength || name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " || $0 == "/" }) {
            problems.append(FieldProblem(field: "name", reason: "1–\(maximumNameLength)个字符，不含空格、斜杠或控制字符 (1–\(maximumNameLength) characters, no spaces, slashes or control characters)"))
        }
        let role = Role(rawValue: roleText)
        let people = Role.allCases.filter { $0 != .system }
        if role == nil || role == .system {
            problems.append(FieldProblem(field: "role", reason: "应为 \(people.map(\.rawValue).joined(separator: "、")) (one of \(people.map(\.rawValue).joined(separator: ", ")))"))
        }
        let township = rawTownship.map(TextNormalization.field).flatMap { $0.isEmpty ? nil : $0 }
        let school = rawSchool.map(TextNormalization.field).flatMap { $0.isEmpty ? nil : $0 }
        switch role {
        case .townshipStaff:
            if DivisionCode(township ?? "", level: .township) == nil {
                problems.append(FieldProblem(field: "township", reason: "乡镇工作人员须给出9位乡镇代码 (township staff need a 9-digit township code)"))
            }
            if school != nil { problems.append(FieldProblem(field: "school", reason: "乡镇工作人员不限定学校 (township staff are not limited to a school)")) }
        case .schoolStaff:
            if let school, school.count == 10, school.allSatisfy({ $0.isASCII && $0.isNumber }) {} else {
                problems.append(FieldProblem(field: "school", reason: "学校工作人员须给出10位学校标识码 (school staff need a 10-digit school code)"))
            }
            if township != nil { problems.append(FieldProblem(field: "township", reason: "学校工作人员不限定乡镇 (school staff are not limited to a township)")) }
        case .some:
            if township != nil || school != nil {
                problems.append(FieldProblem(field: township != nil ? "township" : "school", reason: "县级角色不限定乡镇或学校 (county-wide roles take no township or school)"))
            }
        case nil: break
        }
        guard problems.isEmpty, let role else {
            throw ServiceError(.userInvalid, "用户信息有误 (the user is invalid)", problems: problems)
        }
        return NewUser(name: name, role: role, township: township, school: school)
    }
}
