import ArgumentParser
import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import Testing

@testable import Gateway

/// The care service's forms through both faces (``FormFacesTests``' rule): the CLI's options and
/// the HTTP body or query give the same request, or both refuse it as invalid input.
@Suite struct CareFormFacesTests {
    typealias Faces = FormFacesTests
    /// A valid ID number: the ledger form checks its check character, as an import does.
    static let student = RosterFixtures.idNumber(sequence: 1)

    static func ledgerBody(_ json: String) throws -> LedgerRecordForm {
        LedgerRecordForm(body: try GatewayHTTP.decodeBody([String: FormValue].self, Data(json.utf8), allowed: LedgerRecordForm.bodyFields))
    }

    @Test(arguments: [
        (#"{"student": "\#(student)", "fatherSituation": "外出务工", "fatherPlace": "广东东莞", "motherSituation": "away", "motherPlace": "浙江", "guardianName": "王秀英", "guardianRelation": "祖父母", "guardianAge": 68, "guardianPhone": "138 0000 1111", "enteredOn": "2026-10-20"}"#,
         [student, "--father", "外出务工", "--father-place", "广东东莞", "--mother", "away", "--mother-place", "浙江", "--guardian", "王秀英", "--relation", "祖父母", "--guardian-age", "68", "--guardian-phone", "138 0000 1111", "--entered-on", "2026-10-20"]),
        (#"{"student": "\#(student)", "fatherSituation": "unable", "fatherReason": "重病", "motherSituation": "外出务工", "motherPlace": "广东", "guardianName": "李四", "guardianRelation": "otherRelative", "guardianHealth": "体弱多病", "directorName": "李主任", "directorPhone": "13900002222"}"#,
         [student, "--father", "unable", "--father-reason", "重病", "--mother", "外出务工", "--mother-place", "广东", "--guardian", "李四", "--relation", "otherRelative", "--guardian-health", "体弱多病", "--director", "李主任", "--director-phone", "13900002222"]),
        (#"{"student": "\#(student)", "fatherSituation": "flying", "motherSituation": "home", "guardianName": "x", "guardianRelation": "祖父母"}"#,
         [student, "--father", "flying", "--mother", "home", "--guardian", "x", "--relation", "祖父母"]),
        (#"{"student": "\#(student)", "fatherSituation": "home", "motherSituation": "home", "guardianName": "x", "guardianRelation": "祖父母", "guardianPhone": "12345"}"#,
         [student, "--father", "home", "--mother", "home", "--guardian", "x", "--relation", "祖父母", "--guardian-phone", "12345"]),
        (#"{"student": "\#(student)", "fatherSituation": "home", "motherSituation": "home", "guardianName": "x", "guardianRelation": "祖父母", "enteredOn": "2026-02-30"}"#,
         [student, "--father", "home", "--mother", "home", "--guardian", "x", "--relation", "祖父母", "--entered-on", "2026-02-30"]),
        (#"{"student": "\#(student)", "fatherSituation": "home", "motherSituation": "home", "guardianName": "x", "guardianRelation": "祖父母", "guardianAge": 5}"#,
         [student, "--father", "home", "--mother", "home", "--guardian", "x", "--relation", "祖父母", "--guardian-age", "5"]),
    ])
    func aLedgerRecord(json: String, arguments: [String]) {
        Faces.expectSame(
            Faces.http { try Self.ledgerBody(json).request() },
            Faces.cli(CareLedgerCommand.Record.self, arguments) { try $0.form.request() }, json)
    }

    /// A rule between fields (a parent away needs the place) is the care service's kind of
    /// refusal on both faces: 422 over HTTP, exit 1 on the CLI, naming the field.
    @Test func aRuleBetweenFieldsIsRefusedAlikeAndNamesTheField() {
        let http = Faces.http { try Self.ledgerBody(#"{"student": "\#(Self.student)", "fatherSituation": "away", "motherSituation": "home", "guardianName": "x", "guardianRelation": "祖父母"}"#).request() }
        let cli = Faces.cli(CareLedgerCommand.Record.self, [Self.student, "--father", "away", "--mother", "home", "--guardian", "x", "--relation", "祖父母"]) { try $0.form.request() }
        #expect(http == .refused(kind: .refused, field: "fatherPlace"))
        #expect(cli == .refused(kind: .refused, field: "fatherPlace"))
    }

    @Test(arguments: [
        (["state": "inactive", "reason": "一方在家且有监护能力"], ["--state", "inactive", "--reason", "一方在家且有监护能力"]),
        (["township": "510123101", "withoutSurrogate": "true", "limit": "20"], ["--township", "510123101", "--without-surrogate", "--limit", "20"]),
        (["reason": "why"], ["--reason", "why"]),
        (["school": "12"], ["--school", "12"]),
    ])
    func aLedgerList(query: [String: String], arguments: [String]) {
        Faces.expectSame(Faces.http { try CareLedgerListForm(query: { query[$0] }).query() }, Faces.cli(CareLedgerCommand.List.self, arguments) { try $0.form.query() }, "\(query)")
    }

    @Test func homesSurrogatesAndAssignments() {
        Faces.expectSame(
            Faces.http { try Faces.body(HomeForm.self, #"{"school": "5101230001", "name": "留守儿童之家", "openedOn": "2020-09-01", "rooms": 2, "phones": 2, "videoDevices": 1, "books": 800, "inCharge": "周老师", "inChargePhone": "13600004444"}"#).request() },
            Faces.cli(CareHomeCommand.Record.self, ["--school", "5101230001", "--name", "留守儿童之家", "--opened-on", "2020-09-01", "--rooms", "2", "--phones", "2", "--video", "1", "--books", "800", "--in-charge", "周老师", "--in-charge-phone", "13600004444"]) { try $0.form.request() }, "home")
        Faces.expectSame(
            Faces.http { try Faces.body(HomeForm.self, #"{"school": "51012", "name": "x", "openedOn": "2020-09-01", "rooms": 1, "inCharge": "周"}"#).request() },
            Faces.cli(CareHomeCommand.Record.self, ["--school", "51012", "--name", "x", "--opened-on", "2020-09-01", "--rooms", "1", "--in-charge", "周"]) { try $0.form.request() }, "home, short code")
        Faces.expectSame(
            Faces.http { try Faces.body(SurrogateForm.self, #"{"name": "王老师", "kind": "教师", "phone": "13700003333", "school": "5101230001"}"#).request() },
            Faces.cli(CareSurrogateCommand.Register.self, ["--name", "王老师", "--kind", "教师", "--phone", "13700003333", "--school", "5101230001"]) { try $0.form.request() }, "surrogate")
        Faces.expectSame(
            Faces.http { try Faces.body(SurrogateForm.self, #"{"name": "刘阿姨", "kind": "neighbour", "village": "510123101201"}"#).request() },
            Faces.cli(CareSurrogateCommand.Register.self, ["--name", "刘阿姨", "--kind", "neighbour", "--village", "510123101201"]) { try $0.form.request() }, "surrogate, unknown kind")
        Faces.expectSame(
            Faces.http { try Faces.body(AssignmentForm.self, #"{"surrogate": 3, "date": "2026-11-01"}"#).request(student: Self.student) },
            Faces.cli(CareSurrogateCommand.Assign.self, [Self.student, "--surrogate", "3", "--date", "2026-11-01"]) { try $0.form.request(student: Self.student) }, "assign")
        Faces.expectSame(
            Faces.http { try Faces.body(AssignmentEndForm.self, #"{"reason": "调离"}"#).request(student: Self.student) },
            Faces.cli(CareSurrogateCommand.Unassign.self, [Self.student, "--reason", "调离"]) { try $0.form.request(student: Self.student) }, "unassign")
        Faces.expectSame(
            Faces.http { try Faces.body(ContactForm.self, #"{"way": "家访", "note": "作业完成好"}"#).request(student: Self.student) },
            Faces.cli(CareCommand.Contact.self, [Self.student, "--way", "家访", "--note", "作业完成好"]) { try $0.form.request(student: Self.student) }, "contact")
        Faces.expectSame(
            Faces.http { try Faces.body(ContactForm.self, #"{"way": "pigeon"}"#).request(student: Self.student) },
            Faces.cli(CareCommand.Contact.self, [Self.student, "--way", "pigeon"]) { try $0.form.request(student: Self.student) }, "contact, unknown way")
    }

    @Test func wishesAndActivities() {
        Faces.expectSame(
            Faces.http { try Faces.body(WishForm.self, #"{"student": "\#(Self.student)", "wish": "一套课外书", "value": 120}"#).request() },
            Faces.cli(CareWishCommand.Post.self, [Self.student, "--wish", "一套课外书", "--value", "120"]) { try $0.form.request() }, "post")
        Faces.expectSame(
            Faces.http { try GatewayHTTP.decodeBody(WishStepForm.self, Data(#"{"donor": "陈先生", "donorPhone": "135-1234-5678"}"#.utf8), allowed: WishStepForm.claimFields).claim(id: 4) },
            Faces.cli(CareWishCommand.Claim.self, ["4", "--donor", "陈先生", "--donor-phone", "135-1234-5678"]) { try $0.form.claim(id: 4) }, "claim")
        Faces.expectSame(
            Faces.http { try GatewayHTTP.decodeBody(WishStepForm.self, Data(#"{"note": "已送达", "photo": "wish-4.jpg", "date": "2026-11-01"}"#.utf8), allowed: WishStepForm.fulfilFields).fulfil(id: 4) },
            Faces.cli(CareWishCommand.Fulfil.self, ["4", "--note", "已送达", "--photo", "wish-4.jpg", "--date", "2026-11-01"]) { try $0.form.fulfil(id: 4) }, "fulfil")
        Faces.expectSame(
            Faces.http { try GatewayHTTP.decodeBody(WishStepForm.self, Data(#"{"reason": "家长已购买", "date": "someday"}"#.utf8), allowed: WishStepForm.withdrawFields).withdraw(id: 4) },
            Faces.cli(CareWishCommand.Withdraw.self, ["4", "--reason", "家长已购买", "--date", "someday"]) { try $0.form.withdraw(id: 4) }, "withdraw, bad date")
        Faces.expectSame(
            Faces.http { try WishListForm(query: { ["state": "已认领", "limit": "5"][$0] }).query() },
            Faces.cli(CareWishCommand.List.self, ["--state", "已认领", "--limit", "5"]) { try $0.form.query() }, "wish list")
        Faces.expectSame(
            Faces.http { try Faces.body(ActivityForm.self, #"{"kind": "乡村少年宫", "school": "5101230001", "students": ["\#(Self.student)", "G\#(Self.student)"], "participants": 30, "note": "书法"}"#).request() },
            Faces.cli(CareActivityCommand.Record.self, ["--kind", "乡村少年宫", "--school", "5101230001", "--students", "\(Self.student)，G\(Self.student)", "--participants", "30", "--note", "书法"]) { try $0.form.request() }, "activity")
        Faces.expectSame(
            Faces.http { try ActivityListForm(query: { ["kind": "videoCall", "from": "2026-10-01", "to": "2026-10-31"][$0] }).query() },
            Faces.cli(CareActivityCommand.List.self, ["--kind", "videoCall", "--from", "2026-10-01", "--to", "2026-10-31"]) { try $0.form.query() }, "activity list")
        Faces.expectSame(
            Faces.http { try ActivitySummaryForm(query: { ["year": "2026", "bySchool": "true"][$0] }).query() },
            Faces.cli(CareActivityCommand.Summary.self, ["--year", "2026", "--by-school"]) { try $0.form.query() }, "summary")
        Faces.expectSame(
            Faces.http { try ActivitySummaryForm(query: { ["year": "26"][$0] }).query() },
            Faces.cli(CareActivityCommand.Summary.self, ["--year", "26"]) { try $0.form.query() }, "summary, short year")
    }

    @Test func noticesGapsAndFigures() {
        Faces.expectSame(
            Faces.http { try NoticeListForm(query: { ["surrogate": "3", "township": "510123101"][$0] }).query() },
            Faces.cli(CareCommand.Notices.self, ["--surrogate", "3", "--township", "510123101"]) { try $0.form.query() }, "notices")
        Faces.expectSame(
            Faces.http { try CareScopeForm(query: { ["limit": "0"][$0] }).query() },
            Faces.cli(CareCommand.Gaps.self, ["--limit", "0"]) { try $0.form.query() }, "gaps, no limit")
        Faces.expectSame(
            Faces.http { try CareFiguresForm(query: { ["year": "2026", "township": "510123101"][$0] }).query() },
            Faces.cli(CareCommand.Figures.self, ["--year", "2026", "--township", "510123101"]) { try $0.form.query() }, "figures")
    }

    @Test func closedSetsReadCodesAndLabels() {
        for kind in ActivityKind.allCases {
            #expect(ActivityKind(argument: kind.chinese) == kind && ActivityKind(typed: kind.rawValue) == kind)
        }
        for reason in LedgerReason.allCases {
            #expect(LedgerReason(argument: reason.chinese) == reason, "\(reason)")
        }
        #expect(ParentSituation(argument: "外出务工") == .away && GuardianRelation(typed: "外祖父母") == .maternalGrandparent)
    }
}
