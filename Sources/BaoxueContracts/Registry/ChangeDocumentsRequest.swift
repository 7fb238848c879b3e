/// Documents handed in after a change was recorded (补交证明材料): added to that change, whose
/// missing list shrinks; the child's 手续不全 flag clears when no change of theirs lacks any.
public struct ChangeDocumentsRequest: Codable, Sendable, Equatable {
    /// The change's id (`StatusChange.id`).
    public var change: Int64
    public var documents: [String]

    public init(change: Int64, documents: [String]) {
        self.change = change
        self.documents = documents
    }
}
