/// The message types the registry serves and publishes. One place names them, so the service, the
/// gateway and `docs/protocol.md` agree.
public enum RegistryMessage {
    public static let importSchools = "registry.schools.import"
    public static let listSchools = "registry.schools.list"
    public static let importStudents = "registry.students.import"
    public static let addStudent = "registry.students.add"
    public static let getStudent = "registry.students.get"
    public static let listStudents = "registry.students.list"
    public static let changeStatus = "registry.students.change"
    public static let listChanges = "registry.changes.list"

    /// Event topics: `registry.<kind>.<township>` so subscribers can route by township.
    public enum Event {
        public static let schoolUpserted = "registry.school.upserted"
        public static let studentAdded = "registry.student.added"
        public static let studentUpdated = "registry.student.updated"
        public static let statusChanged = "registry.student.status"
    }
}
