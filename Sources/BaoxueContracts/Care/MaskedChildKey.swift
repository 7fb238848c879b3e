/// A child as the monitor's alerts and cases name them, by name and masked student number
/// (`G510123********123X`): how the gateway asks for the care record of a case's child
/// (`care.children.match`) without a full number, which never leaves the registry in a case.
/// The school, when given, tells apart two children who share a name and the masked digits.
public struct MaskedChildKey: Codable, Sendable, Equatable {
    public var student: String
    public var name: String
    public var school: String?

    public init(student: String, name: String, school: String? = nil) {
        self.student = student
        self.name = name
        self.school = school
    }
}
