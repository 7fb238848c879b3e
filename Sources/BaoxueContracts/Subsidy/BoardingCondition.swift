/// Whom a program pays by how they attend school: boarders (寄宿生) get the larger living allowance,
/// day pupils (非寄宿生) the smaller one.
public enum BoardingCondition: String, Codable, Sendable, CaseIterable {
    case boarder
    case day
    case any

    public func admits(_ attendance: AttendanceMode) -> Bool {
        switch self {
        case .any: true
        case .boarder: attendance == .boarding
        case .day: attendance == .day
        }
    }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.boarder, .zh): "寄宿生"
        case (.day, .zh): "非寄宿生"
        case (.any, .zh): "不限"
        case (.boarder, .en): "boarders"
        case (.day, .en): "day pupils"
        case (.any, .en): "any"
        }
    }
}
