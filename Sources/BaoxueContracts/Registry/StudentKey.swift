/// How `registry.students.get` and `registry.students.change` name a student: an ID number or a
/// national student number, told apart by form.
public struct StudentKey: Codable, Sendable {
    public var key: String

    public init(key: String) {
        self.key = key
    }
}
