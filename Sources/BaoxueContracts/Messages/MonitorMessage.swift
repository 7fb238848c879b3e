/// The messages the monitoring service serves and publishes, named once with their bodies for the
/// service, the gateway and `docs/protocol.md`.
public enum MonitorMessage {
    public static let reportAbsence = Message<AbsenceReport, EmptyBody>("monitor.absences.report")
    public static let importAbsences = Message<AbsenceBatch, ImportReport>("monitor.absences.import")
    public static let listAlerts = AlertMessage.list(.monitor)
    public static let getAlert = AlertMessage.get(.monitor)
    public static let acknowledgeAlert = AlertMessage.acknowledge(.monitor)
    public static let listCases = Message<CaseQuery, [CaseSummary]>("monitor.cases.list")
    public static let getCase = Message<RecordID, CaseFile>("monitor.cases.get")
    public static let openCase = Message<OpenCaseRequest, CaseFile>("monitor.cases.open")
    public static let assignCase = Message<AssignCaseRequest, CaseFile>("monitor.cases.assign")
    public static let planCase = Message<PlanCaseRequest, CaseFile>("monitor.cases.plan")
    public static let recordVisit = Message<VisitRequest, CaseFile>("monitor.cases.visit")
    public static let recordLegalStep = Message<LegalStepRequest, CaseFile>("monitor.cases.step")
    public static let recordTeaching = Message<TeachingRequest, CaseFile>("monitor.cases.teach")
    public static let closeCase = Message<CloseCaseRequest, CaseFile>("monitor.cases.close")
    /// Home-delivered teaching (送教上门) as a placement of its own, for a child who never dropped out.
    public static let startTeaching = Message<HomeTeachingStart, HomeTeaching>("monitor.teaching.start")
    public static let logTeaching = Message<HomeTeachingSession, HomeTeaching>("monitor.teaching.session")
    public static let endTeaching = Message<HomeTeachingEnd, HomeTeaching>("monitor.teaching.end")
    public static let listTeaching = Message<HomeTeachingQuery, [HomeTeaching]>("monitor.teaching.list")
    /// County roles only: runs the time rules now (they also run on a timer).
    public static let sweep = Message<SweepRequest, SweepReport>("monitor.sweep")

    /// Event topics: `monitor.<kind>.<township>`, so the gateway can route by township.
    public enum Event {
        public static let alert = AlertMessage.event(.monitor)
        public static let caseChanged = "monitor.case"
    }
}
