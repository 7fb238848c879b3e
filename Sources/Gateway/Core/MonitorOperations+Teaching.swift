import BaoxueContracts

/// Home-delivered teaching placements (送教上门, decision 105): every write audited with the child
/// it names; lists scoped by the monitor.
extension MonitorOperations {
    public func teaching(_ query: HomeTeachingQuery, actor: Actor) async throws -> [HomeTeaching] {
        try await clients.monitor.call(MonitorMessage.listTeaching, query, actor: actor)
    }

    public func startTeaching(_ request: HomeTeachingStart, actor: Actor) async throws -> HomeTeaching {
        try await teachingStep(MonitorMessage.startTeaching, request, "teaching.start", key: request.student, actor: actor)
    }

    public func logTeaching(_ request: HomeTeachingSession, actor: Actor) async throws -> HomeTeaching {
        try await teachingStep(MonitorMessage.logTeaching, request, "teaching.session", key: request.student, actor: actor)
    }

    public func endTeaching(_ request: HomeTeachingEnd, actor: Actor) async throws -> HomeTeaching {
        try await teachingStep(MonitorMessage.endTeaching, request, "teaching.end", key: request.student, actor: actor)
    }

    private func teachingStep<Request>(_ message: Message<Request, HomeTeaching>, _ request: Request, _ action: String, key: String, actor: Actor) async throws -> HomeTeaching {
        try await auditor.audited(actor, action, key: key, detail: { "placement \($0.id) lessons \($0.lessonsThisYear)/\($0.lessonsPerYear)" }, subject: { _ in auditor.subject(key: key) }) {
            try await clients.monitor.call(message, request, actor: actor)
        }
    }
}
