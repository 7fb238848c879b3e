/// Why an eligible child is not paid by a batch: where their school career stood on the batch
/// date. The first four end it (DOMAIN.md: none after dropping out or leaving the county); a child
/// transferred out is paid by the school that receives them, a suspended one when they resume.
public enum ExclusionReason: String, Codable, Sendable, CaseIterable {
    case droppedOut
    case leftCounty
    case deceased
    case graduated
    case transferredOut
    case suspended

    public init?(status: StudentStatus) {
        switch status {
        case .droppedOut: self = .droppedOut
        case .leftCounty: self = .leftCounty
        case .deceased: self = .deceased
        case .graduated: self = .graduated
        case .transferredOut: self = .transferredOut
        case .suspended: self = .suspended
        case .enrolled: return nil
        }
    }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.droppedOut, .zh): "已辍学"
        case (.leftCounty, .zh): "已转出县外"
        case (.deceased, .zh): "已死亡"
        case (.graduated, .zh): "已毕业"
        case (.transferredOut, .zh): "转出待接收，由接收学校发放"
        case (.suspended, .zh): "休学中，复学后发放"
        case (.droppedOut, .en): "dropped out"
        case (.leftCounty, .en): "left the county"
        case (.deceased, .en): "deceased"
        case (.graduated, .en): "graduated"
        case (.transferredOut, .en): "transferred out, to be paid by the receiving school"
        case (.suspended, .en): "suspended, to be paid on resuming"
        }
    }
}
