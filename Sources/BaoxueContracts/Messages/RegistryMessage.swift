/// The messages the registry serves and publishes. One place names them and their bodies, so the
/// service, the gateway and `docs/protocol.md` agree.
public enum RegistryMessage {
    /// County roles only; journaled. Schools are upserted by code.
    public static let importSchools = Message<ImportSchoolsBatch, ImportReport>("registry.schools.import")
    public static let listSchools = Message<SchoolQuery, [School]>("registry.schools.list")
    /// County roles only; journaled. Rows are upserted by ID number, then student number.
    public static let importStudents = Message<ImportBatch<StudentRecord>, ImportReport>("registry.students.import")
    public static let addStudent = Message<AddStudentRequest, StudentDetail>("registry.students.add")
    public static let getStudent = Message<StudentKey, StudentDetail>("registry.students.get")
    public static let listStudents = Message<StudentQuery, StudentSheetPage>("registry.students.list")
    public static let changeStatus = Message<StatusChangeRequest, StatusChangedEvent>("registry.students.change")
    /// Many changes from one file; `imported` counts the changes applied (or, in a dry run, that
    /// would be), `rejected` the rows refused.
    public static let changeBatch = Message<ChangeBatch, ImportReport>("registry.students.changeBatch")
    public static let listChanges = Message<ChangeQuery, [StatusChange]>("registry.changes.list")
    /// Within the actor's scope: the changes that took effect in a period, by kind.
    public static let tallyChanges = Message<ChangeTallyQuery, ChangeTally>("registry.changes.tally")
    /// County roles, or the child's school; journaled. Documents handed in after the change.
    public static let addDocuments = Message<ChangeDocumentsRequest, StatusChangedEvent>("registry.changes.documents")
    /// County roles, or school staff for their school; journaled. Year-end promotion and
    /// graduation (decision 83).
    public static let promote = Message<PromotionRequest, PromotionReport>("registry.students.promote")

    /// Event topics: `registry.<kind>.<township>` so subscribers can route by township.
    public enum Event {
        public static let schoolUpserted = "registry.school.upserted"
        public static let studentAdded = "registry.student.added"
        public static let studentUpdated = "registry.student.updated"
        public static let statusChanged = "registry.student.status"
    }
}
