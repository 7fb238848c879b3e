/// The monitoring service's paths: absences, alerts, cases (filled in with their routes).
extension OpenAPIDocument {
    static let monitorFragment = #"""
    {"paths": {}, "schemas": {}}
    """#
}
