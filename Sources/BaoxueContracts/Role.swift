/// Who a user is to the county, and so what they may see and do (the security issue's roles).
public enum Role: String, Codable, Sendable, CaseIterable {
    /// 县级管理员: everything, including user management.
    case countyAdmin = "county-admin"
    /// 县级操作员: all data, no user management.
    case countyOperator = "county-operator"
    /// 乡镇工作人员: one township's children.
    case townshipStaff = "township-staff"
    /// 学校工作人员: one school's children.
    case schoolStaff = "school-staff"
    /// 只读: county-wide, masked, no writes.
    case viewer
    /// The services' own work (replays, health checks).
    case system

    /// Whether the role sees the whole county.
    public var isCountyWide: Bool { self == .countyAdmin || self == .countyOperator || self == .viewer || self == .system }
}
