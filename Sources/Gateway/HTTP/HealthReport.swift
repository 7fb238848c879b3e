/// The body of `/healthz`: `ok`; `degraded` (HTTP 200) when every service answers but one cannot
/// apply the events it follows (`problems` says which and why; it keeps serving and retrying);
/// `down` (HTTP 503) when a service does not answer.
struct HealthReport: Codable, Sendable {
    var status: String
    var services: [ServiceProbe]
    var problems: [String]

    init(services: [ServiceProbe]) {
        self.services = services
        problems = services.flatMap(\.problems)
        status = services.contains { $0.health == nil } ? "down" : problems.isEmpty ? "ok" : "degraded"
    }
}
