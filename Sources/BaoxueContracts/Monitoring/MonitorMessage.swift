/// The message types the monitoring service serves and publishes, named once for the service,
/// the gateway and `docs/protocol.md`.
public enum MonitorMessage {
    public static let reportAbsence = "monitor.absences.report"
    public static let importAbsences = "monitor.absences.import"
    public static let listAlerts = "monitor.alerts.list"
    public static let getAlert = "monitor.alerts.get"
    public static let acknowledgeAlert = "monitor.alerts.ack"
    public static let listCases = "monitor.cases.list"
    public static let getCase = "monitor.cases.get"
    public static let openCase = "monitor.cases.open"
    public static let assignCase = "monitor.cases.assign"
    public static let planCase = "monitor.cases.plan"
    public static let recordVisit = "monitor.cases.visit"
    public static let recordLegalStep = "monitor.cases.step"
    public static let recordTeaching = "monitor.cases.teach"
    public static let closeCase = "monitor.cases.close"
    public static let sweep = "monitor.sweep"

    /// Event topics: `monitor.<kind>.<township>`, so the gateway can route by township.
    public enum Event {
        public static let alert = "monitor.alert"
        public static let caseChanged = "monitor.case"
    }
}
