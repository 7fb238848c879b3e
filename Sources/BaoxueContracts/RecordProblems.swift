/// Every problem found in one input record, so a person fixes a row once.
public struct RecordProblems: Error, Sendable, Equatable {
    public var problems: [FieldProblem]

    public init(_ problems: [FieldProblem]) {
        self.problems = problems
    }
}
