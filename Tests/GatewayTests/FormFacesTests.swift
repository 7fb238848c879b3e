import ArgumentParser
import BaoxueContracts
import BaoxueMessaging
import Foundation
import Testing

@testable import Gateway

/// Every form a person fills in, through both faces: the CLI's options (parsed as `baoxue` parses
/// them) and the HTTP body or query string (read as the routes read them). Each input must give
/// the same request on both, or be refused on both as invalid input: exit 2 on the CLI, 400 over
/// HTTP (one row of `ErrorKind.outcome`).
@Suite struct FormFacesTests {
    static let today = CivilDate(parsing: "2026-11-02")!
    static let student = "510123201506150021"

    /// What one face made of an input.
    enum Outcome: Equatable, CustomStringConvertible {
        /// The request, as it goes on the wire (sorted keys: equal requests are equal bytes).
        case request(String)
        /// Refused: the kind of refusal (which decides the HTTP status and the exit code), and the
        /// field named, if any.
        case refused(kind: ErrorKind, field: String?)

        var description: String {
            switch self {
            case .request(let body): "request \(body)"
            case .refused(let kind, let field): "refused \(kind) (HTTP \(kind.outcome.httpStatus), exit \(kind.outcome.exitCode)) \(field ?? "")"
            }
        }
    }

    /// The HTTP face: a JSON body or query read by the route's own code, then the form's request.
    static func http<Request>(_ make: () throws -> Request) -> Outcome {
        do {
            return .request(try text(try make()))
        } catch let error as ServiceError {
            return .refused(kind: error.kind, field: error.problems?.first?.field)
        } catch {
            return .refused(kind: .internal, field: "\(error)")
        }
    }

    /// The CLI face: `arguments` parsed as `baoxue` parses them (a bad option value is a usage
    /// error, exit 2), then the command's form; refusals by their exit code.
    static func cli<Command: ParsableCommand, Request>(_ command: Command.Type, _ arguments: [String], _ make: (Command) throws -> Request) -> Outcome {
        let parsed: Command
        do {
            parsed = try Command.parse(arguments)
        } catch {
            // A value the option's type does not take: a usage error, exit 2 (`.invalid`).
            return .refused(kind: .invalid, field: nil)
        }
        do {
            return .request(try text(try make(parsed)))
        } catch let error as ServiceError {
            return .refused(kind: error.kind, field: error.problems?.first?.field)
        } catch {
            return .refused(kind: .internal, field: "\(error)")
        }
    }

    /// A request as text: its wire bytes, or (for the gateway's own queries, which never travel)
    /// its description.
    static func text(_ request: Any) throws -> String {
        guard let encodable = request as? any Encodable else { return String(describing: request) }
        return String(decoding: try WireCoding.encode(encodable), as: UTF8.self)
    }

    /// The same verdict on both faces: equal requests, or a refusal of the same kind on both (so
    /// the same row of `ErrorKind.outcome`: 400 ⇔ exit 2, 422 ⇔ exit 1, …).
    static func expectSame(_ http: Outcome, _ cli: Outcome, _ note: String, sourceLocation: SourceLocation = #_sourceLocation) {
        switch (http, cli) {
        case (.request(let a), .request(let b)):
            #expect(a == b, "\(note)", sourceLocation: sourceLocation)
        case (.refused(let httpKind, _), .refused(let cliKind, _)):
            #expect(httpKind == cliKind, "\(note): HTTP \(http), CLI \(cli)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(note): HTTP \(http), CLI \(cli)", sourceLocation: sourceLocation)
        }
    }

    static func body<Form: JSONForm>(_ form: Form.Type, _ json: String) throws -> Form {
        try GatewayHTTP.decodeBody(form, Data(json.utf8), allowed: Form.fields)
    }

    // MARK: Status changes

    @Test(arguments: [
        (#"{"kind": "辍学", "reason": "厌学", "documents": ["学校报告"]}"#, ["--kind", "辍学", "--reason", "厌学", "--documents", "学校报告"]),
        (#"{"kind": "辍学", "causes": ["厌学", "work"], "reason": "不想上学", "documents": ["学校报告"]}"#, ["--kind", "辍学", "--cause", "厌学，work", "--reason", "不想上学", "--documents", "学校报告"]),
        (#"{"kind": "dropOut", "causes": ["外出务工"]}"#, ["--kind", "dropOut", "--cause", "外出务工"]),
        (#"{"kind": "dropOut", "causes": ["打工"]}"#, ["--kind", "dropOut", "--cause", "打工"]),
        (#"{"kind": "dropOut", "causes": []}"#, ["--kind", "dropOut", "--cause", ""]),
        (#"{"kind": "dropOut", "date": "2026-10-30", "reason": "厌学"}"#, ["--kind", "dropOut", "--date", "2026-10-30", "--reason", "厌学"]),
        (#"{"kind": "转出", "toSchool": "5101230002", "documents": ["转学申请", "接收证明"]}"#, ["--kind", "转出", "--to-school", "5101230002", "--documents", "转学申请，接收证明"]),
        (#"{"kind": "suspend", "expectedEnd": "2027-07-01"}"#, ["--kind", "suspend", "--expected-end", "2027-07-01"]),
        (#"{"kind": "transferOut", "outOfCounty": true}"#, ["--kind", "transferOut", "--out-of-county"]),
        (#"{"kind": "return", "toSchool": "5101230009", "grade": 10}"#, ["--kind", "劝返复学", "--to-school", "5101230009", "--grade", "高一"]),
        (#"{"kind": "flying"}"#, ["--kind", "flying"]),
        (#"{"kind": "辍学", "date": "2026-13-01"}"#, ["--kind", "辍学", "--date", "2026-13-01"]),
        (#"{"kind": "休学", "expectedEnd": "soon"}"#, ["--kind", "休学", "--expected-end", "soon"]),
    ])
    func aStatusChange(json: String, arguments: [String]) {
        let http = Self.http { try Self.body(ChangeForm.self, json).request(student: Self.student, today: Self.today) }
        let cli = Self.cli(StudentCommand.Change.self, [Self.student] + arguments) { try $0.form.request(student: Self.student, today: Self.today) }
        Self.expectSame(http, cli, json)
    }

    /// An unknown cause is refused on both faces naming it and every choice, in the language asked.
    @Test func anUnknownCauseListsTheChoicesInBothLanguages() throws {
        do {
            _ = try Self.body(ChangeForm.self, #"{"kind": "dropOut", "causes": ["厌学", "打工"]}"#).request(student: Self.student, today: Self.today)
            Issue.record("an unknown cause was accepted")
        } catch let error as ServiceError {
            #expect(error.code == .requestInvalid && error.problems?.first?.field == "causes")
            #expect(Localized.pick(error.message, .zh) == "辍学原因“打工”不在可选范围内，可选：厌学、学习困难、家庭经济困难、残疾、疾病、外出务工、早婚早育、家庭变故、其他")
            #expect(Localized.pick(error.message, .en) == "unknown dropout cause “打工”; choose from: weariness, learningDifficulty, poverty, disability, illness, work, earlyMarriage, familyCrisis, other")
        }
        let request = try Self.body(ChangeForm.self, #"{"kind": "辍学", "causes": ["早婚早育", "other"]}"#).request(student: Self.student, today: Self.today)
        #expect(request.causes == [.earlyMarriage, .other])
    }

    // MARK: Lists

    @Test(arguments: [
        (["status": "休学", "limit": "20"], ["--status", "休学", "--limit", "20"]),
        (["status": "droppedOut", "township": "510123101"], ["--status", "droppedOut", "--township", "510123101"]),
        (["school": "５１０１２３０００１"], ["--school", "５１０１２３０００１"]),
        (["q": "张"], ["--q", "张"]),
        (["status": "flying"], ["--status", "flying"]),
        (["limit": "5000"], ["--limit", "5000"]),
        (["limit": "0"], ["--limit", "0"]),
        (["school": "12"], ["--school", "12"]),
    ])
    func aStudentList(query: [String: String], arguments: [String]) {
        let http = Self.http { try StudentListForm(query: { query[$0] }).query() }
        let cli = Self.cli(StudentCommand.List.self, arguments) { try $0.form.query() }
        Self.expectSame(http, cli, "\(query)")
    }

    @Test(arguments: [
        (["state": "open", "rule": "absenceWarning"], ["--state", "open", "--rule", "absenceWarning"]),
        (["township": "510123101", "limit": "10"], ["--township", "510123101", "--limit", "10"]),
        (["state": "closed"], ["--state", "closed"]),
        (["rule": "nope"], ["--rule", "nope"]),
        (["limit": "1001"], ["--limit", "1001"]),
    ])
    func anAlertList(query: [String: String], arguments: [String]) {
        let http = Self.http { try AlertListForm(query: { query[$0] }).query() }
        let cli = Self.cli(AlertCommand.List.self, arguments) { try $0.form.query() }
        Self.expectSame(http, cli, "\(query)")
    }

    /// Whose alerts: only a service that raises them, on both faces.
    @Test(arguments: [
        (["service": "monitor"], ["--service", "monitor"]),
        ([:], []),
        (["service": "registry"], ["--service", "registry"]),
        (["service": "nobody"], ["--service", "nobody"]),
    ])
    func whoseAlerts(query: [String: String], arguments: [String]) {
        let http = Self.http { let form = AlertListForm(query: { query[$0] }); return "\(try form.alertingService()) \(try form.query())" }
        let cli = Self.cli(AlertCommand.List.self, arguments) { "\(try $0.form.alertingService()) \(try $0.form.query())" }
        Self.expectSame(http, cli, "\(query)")
        Self.expectSame(
            Self.http { try Self.body(AcknowledgeForm.self, query["service"].map { #"{"service": "\#($0)"}"# } ?? "{}").alertingService() },
            Self.cli(AlertCommand.Ack.self, ["9"] + arguments) { try $0.form.alertingService() }, "ack \(query)")
    }

    @Test(arguments: [
        (["state": "probation"], ["--state", "probation"]),
        (["state": "stalled"], ["--state", "stalled"]),
        (["township": "5101231"], ["--township", "5101231"]),
    ])
    func aCaseList(query: [String: String], arguments: [String]) {
        let http = Self.http { try CaseListForm(query: { query[$0] }).query() }
        let cli = Self.cli(CaseCommand.List.self, arguments) { try $0.form.query() }
        Self.expectSame(http, cli, "\(query)")
    }

    @Test(arguments: [
        (["township": "510123", "reason": "贫困家庭辍学"], ["--township", "510123", "--reason", "贫困家庭辍学"]),
        (["reason": "rosterNotEnrolled", "state": "verified"], ["--reason", "rosterNotEnrolled", "--state", "verified"]),
        (["state": "已核查"], ["--state", "已核查"]),
        (["township": "51012"], ["--township", "51012"]),
        (["reason": "why"], ["--reason", "why"]),
    ])
    func aSuspectList(query: [String: String], arguments: [String]) {
        let http = Self.http { try SuspectListForm(query: { query[$0] }).query() }
        let cli = Self.cli(CrosscheckCommand.List.self, arguments) { try $0.form.query() }
        Self.expectSame(http, cli, "\(query)")
    }

    @Test(arguments: [
        (["month": "2026-10", "township": "510123101"], ["--month", "2026-10", "--township", "510123101"]),
        (["month": "2026-1"], ["--month", "2026-1"]),
        (["month": "1999-12"], ["--month", "1999-12"]),
    ])
    func aMonthlyReport(query: [String: String], arguments: [String]) {
        let http = Self.http { try LedgerReportForm(query: { query[$0] }).query() }
        let cli = Self.cli(LedgerReportCommand.self, arguments) { try $0.form.query() }
        Self.expectSame(http, cli, "\(query)")
    }

    @Test func changesAndAuditLines() {
        Self.expectSame(
            Self.http { try ChangeListForm(query: { ["incomplete": "true", "limit": "30"][$0] }).query() },
            Self.cli(StudentCommand.Changes.self, ["--incomplete", "--limit", "30"]) { try $0.form.query() }, "changes")
        Self.expectSame(
            Self.http { try AuditListForm(query: { ["limit": "5000"][$0] }).query() },
            Self.cli(AuditCommand.List.self, ["--limit", "5000"]) { try $0.form.query() }, "audit limit")
        Self.expectSame(
            Self.http { try DeliveryListForm(query: { ["state": "dead", "failed": "true"][$0] }).query() },
            Self.cli(AlertCommand.Deliveries.self, ["--state", "dead", "--failed"]) { try $0.form.query() }, "deliveries")
    }

    // MARK: Cases

    @Test func caseWork() {
        Self.expectSame(
            Self.http { try Self.body(OpenCaseForm.self, #"{"student": "\#(Self.student)", "causes": ["厌学", "poverty"]}"#).request() },
            Self.cli(CaseCommand.Open.self, [Self.student, "--cause", "厌学,poverty"]) { try $0.form.request() }, "open")
        Self.expectSame(
            Self.http { try Self.body(OpenCaseForm.self, #"{"student": "\#(Self.student)", "causes": ["bored"]}"#).request() },
            Self.cli(CaseCommand.Open.self, [Self.student, "--cause", "bored"]) { try $0.form.request() }, "open, unknown cause")
        Self.expectSame(
            Self.http { try Self.body(PlanCaseForm.self, #"{"causes": ["学习困难"], "measures": ["上门劝返", "psychological"]}"#).request(id: 7) },
            Self.cli(CaseCommand.Plan.self, ["7", "--cause", "学习困难", "--measure", "上门劝返、psychological"]) { try $0.form.request(id: 7) }, "plan")
        Self.expectSame(
            Self.http { try Self.body(AssignCaseForm.self, #"{"townshipOfficial": ""}"#).request(id: 7) },
            Self.cli(CaseCommand.Assign.self, ["7", "--township-official", ""]) { try $0.form.request(id: 7) }, "assign nobody")
        Self.expectSame(
            Self.http { try Self.body(VisitForm.self, #"{"visitors": ["张老师", "李干部"], "outcome": "家长同意返校", "nextVisit": "2026-11-09"}"#).request(id: 7, today: Self.today) },
            Self.cli(CaseCommand.Visit.self, ["7", "--visitors", "张老师,李干部", "--outcome", "家长同意返校", "--next", "2026-11-09"]) { try $0.form.request(id: 7, today: Self.today) }, "visit")
        Self.expectSame(
            Self.http { try Self.body(LegalStepForm.self, #"{"step": "班主任劝返", "date": "2026-11-01"}"#).request(id: 7, today: Self.today) },
            Self.cli(CaseCommand.Step.self, ["7", "--step", "班主任劝返", "--date", "2026-11-01"]) { try $0.form.request(id: 7, today: Self.today) }, "step")
        Self.expectSame(
            Self.http { try Self.body(LegalStepForm.self, #"{"step": "shout"}"#).request(id: 7, today: Self.today) },
            Self.cli(CaseCommand.Step.self, ["7", "--step", "shout"]) { try $0.form.request(id: 7, today: Self.today) }, "unknown step")
        Self.expectSame(
            Self.http { try Self.body(TeachingForm.self, #"{"teacher": "王老师", "lessons": 3}"#).request(id: 7, today: Self.today) },
            Self.cli(CaseCommand.Teach.self, ["7", "--teacher", "王老师", "--lessons", "3"]) { try $0.form.request(id: 7, today: Self.today) }, "teach")
        Self.expectSame(
            Self.http { try Self.body(CloseCaseForm.self, #"{"outcome": "送教上门"}"#).request(id: 7) },
            Self.cli(CaseCommand.Close.self, ["7", "--outcome", "送教上门"]) { try $0.form.request(id: 7) }, "close")
        Self.expectSame(
            Self.http { try Self.body(AbsenceForm.self, #"{"student": "\#(Self.student)", "reason": "病假"}"#).request(today: Self.today) },
            Self.cli(AbsenceCommand.Report.self, ["--student", Self.student, "--reason", "病假"]) { try $0.form.request(today: Self.today) }, "absence")
        Self.expectSame(
            Self.http { try Self.body(VerificationForm.self, #"{"category": "县外在读", "proof": "接收证明"}"#).request(id: 3) },
            Self.cli(CrosscheckCommand.Verify.self, ["3", "--category", "县外在读", "--proof", "接收证明"]) { try $0.form.request(id: 3) }, "verify")
    }

    // MARK: Calendar

    @Test func theCalendar() {
        Self.expectSame(
            Self.http { try Self.body(TermForm.self, #"{"startsOn": "2026-09-01", "endsOn": "2027-01-22"}"#).request(name: "2026秋") },
            Self.cli(CalendarCommand.Term.self, ["2026秋", "--from", "2026-09-01", "--to", "2027-01-22"]) { try $0.form.request(name: "2026秋") }, "term")
        Self.expectSame(
            Self.http { try Self.body(TermForm.self, #"{"startsOn": "9月1日", "endsOn": "2027-01-22"}"#).request(name: "2026秋") },
            Self.cli(CalendarCommand.Term.self, ["2026秋", "--from", "9月1日", "--to", "2027-01-22"]) { try $0.form.request(name: "2026秋") }, "term, bad date")
        Self.expectSame(
            Self.http { try Self.body(CalendarDaysForm.self, #"{"days": "2026-10-01..2026-10-07", "kind": "holiday", "note": "国庆节"}"#).request() },
            Self.cli(CalendarCommand.Holiday.self, ["2026-10-01..2026-10-07", "--note", "国庆节"]) { try $0.form.request() }, "holidays")
        Self.expectSame(
            Self.http { try Self.body(CalendarDaysForm.self, #"{"days": "2026-09-27", "kind": "workday"}"#).request() },
            Self.cli(CalendarCommand.Workday.self, ["2026-09-27"]) { try $0.form.request() }, "make-up day")
        Self.expectSame(
            Self.http { try Self.body(CalendarDaysForm.self, #"{"days": "2026-10-01...2026-10-07", "kind": "clear"}"#).request() },
            Self.cli(CalendarCommand.Clear.self, ["2026-10-01...2026-10-07"]) { try $0.form.request() }, "clear, bad range")
    }

    // MARK: Targets

    @Test func aResponsibilityDocument() {
        Self.expectSame(
            Self.http { try Self.body(TargetForm.self, #"{"year": 2026, "township": "510123101", "maxDropouts": 0, "minEnrolmentRate": 96, "signedBy": ["李县长", "王镇长"], "signedOn": "2026-02-20"}"#).request() },
            Self.cli(TargetCommand.Add.self, ["--year", "2026", "--township", "510123101", "--max-dropouts", "0", "--min-enrolment-rate", "96%", "--signed-by", "李县长,王镇长", "--signed-on", "2026-02-20"]) { try $0.form.request() },
            "target")
        Self.expectSame(
            Self.http { try Self.body(TargetForm.self, #"{"year": 2026, "school": "5101230001", "signedBy": ["赵局长"], "signedOn": "2026-2-20"}"#).request() },
            Self.cli(TargetCommand.Add.self, ["--year", "2026", "--school", "5101230001", "--signed-by", "赵局长", "--signed-on", "2026-2-20"]) { try $0.form.request() },
            "target, loose date")
        Self.expectSame(
            Self.http { try TargetListForm(query: { ["year": "26"][$0] }).query() },
            Self.cli(TargetCommand.List.self, ["--year", "26"]) { try $0.form.query() }, "target list, short year")
    }

    /// What a person may type for a closed set is the same on both faces: every code and every
    /// Chinese label is read by the CLI's option type exactly as by the forms.
    @Test func closedSetsReadTheSameSpellings() {
        for kind in StatusChangeKind.allCases {
            for spelling in [kind.rawValue, kind.label(.zh)] {
                #expect(StatusChangeKind(argument: spelling) == kind && StatusChangeKind(typed: spelling) == kind, "\(spelling)")
            }
        }
        for status in StudentStatus.allCases {
            #expect(StudentStatus(argument: status.label(.zh)) == status)
        }
        for outcome in CaseOutcome.allCases {
            #expect(CaseOutcome(argument: outcome.chinese) == outcome && CaseOutcome(argument: outcome.rawValue) == outcome)
        }
        #expect(StatusChangeKind(argument: "flying") == nil)
    }
}
