/// `care.ledger.record`: a child's family situation as civil affairs' ledger records it, entered
/// by hand or as one row of an import. Recording a child again replaces the situation (a parent
/// came home, the guardian changed); the definition then decides whether the child is on the
/// ledger, and a move on or off it is dated and kept.
public struct LedgerEntryRequest: Codable, Sendable, Equatable {
    /// ID number or student number of a child the registry knows.
    public var student: String
    public var father: ParentRecord
    public var mother: ParentRecord
    public var guardian: Guardian
    /// The village's children's director (儿童主任).
    public var director: CareContact?
    /// The township's children's supervisor (儿童督导员).
    public var supervisor: CareContact?
    /// The day the situation was registered (登记日期); today when absent. A child who qualifies
    /// enters the ledger on this day, and the surrogate-parent rule counts from it.
    public var enteredOn: CivilDate?

    public init(student: String, father: ParentRecord, mother: ParentRecord, guardian: Guardian, director: CareContact? = nil, supervisor: CareContact? = nil, enteredOn: CivilDate? = nil) {
        self.student = student
        self.father = father
        self.mother = mother
        self.guardian = guardian
        self.director = director
        self.supervisor = supervisor
        self.enteredOn = enteredOn
    }

    /// Every problem of the situation itself (the child's identity is the service's to check).
    public func problems() -> [FieldProblem] {
        var problems = father.problems("father") + mother.problems("mother") + guardian.problems()
        problems += director?.problems("director") ?? []
        problems += supervisor?.problems("supervisor") ?? []
        return problems
    }
}
