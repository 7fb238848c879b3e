/// The body of `/healthz`.
struct HealthReport: Codable, Sendable {
    var status: String
    var services: [ServiceProbe]
}
