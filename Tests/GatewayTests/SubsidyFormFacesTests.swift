import BaoxueContracts
import Testing

@testable import Gateway

/// The subsidy forms through both faces, as ``FormFacesTests`` does for the others: the same
/// input gives the same request on the CLI and over HTTP, or the same refusal.
@Suite struct SubsidyFormFacesTests {
    typealias Faces = FormFacesTests

    @Test func eligibilityCoverageAndTotals() {
        Faces.expectSame(
            Faces.http { try EligibilityForm(query: { ["term": "2026秋", "township": "510123101", "program": "compulsory-primary-day"][$0] }).query() },
            Faces.cli(SubsidyCommand.Eligible.self, ["--term", "2026秋", "--township", "510123101", "--program", "compulsory-primary-day"]) { try $0.form.query() }, "eligible")
        Faces.expectSame(
            Faces.http { try EligibilityForm(query: { ["term": "2026冬"][$0] }).query() },
            Faces.cli(SubsidyCommand.Eligible.self, ["--term", "2026冬"]) { try $0.form.query() }, "eligible, no such term")
        Faces.expectSame(
            Faces.http { try CoverageForm(query: { ["term": "2026-autumn", "school": "2510123001"][$0] }).query() },
            Faces.cli(SubsidyCommand.Coverage.self, ["--term", "2026-autumn", "--school", "2510123001"]) { try $0.form.query() }, "coverage")
        Faces.expectSame(
            Faces.http { try CoverageForm(query: { ["term": "2026秋", "school": "251012300"][$0] }).query() },
            Faces.cli(SubsidyCommand.Coverage.self, ["--term", "2026秋", "--school", "251012300"]) { try $0.form.query() }, "coverage, short school code")
        Faces.expectSame(
            Faces.http { try SubsidyTotalsForm(query: { ["year": "2026", "township": "510123101"][$0] }).query() },
            Faces.cli(SubsidyCommand.Totals.self, ["--year", "2026", "--township", "510123101"]) { try $0.form.query() }, "totals")
    }

    @Test func batchesPaymentsAndRosters() {
        Faces.expectSame(
            Faces.http { try Faces.body(DisbursementForm.self, #"{"term": "2026秋", "program": "compulsory-primary-day", "date": "2026-10-15", "dryRun": true}"#).request() },
            Faces.cli(SubsidyCommand.Disburse.self, ["--term", "2026秋", "--program", "compulsory-primary-day", "--date", "2026-10-15", "--dry-run"]) { try $0.form.request() }, "disburse")
        Faces.expectSame(
            Faces.http { try Faces.body(DisbursementForm.self, #"{"term": "2026秋", "program": "小学寄宿"}"#).request() },
            Faces.cli(SubsidyCommand.Disburse.self, ["--term", "2026秋", "--program", "小学寄宿"]) { try $0.form.request() }, "disburse, program by name")
        Faces.expectSame(
            Faces.http { try PaymentListForm(query: { ["term": "2027春", "state": "failed", "batch": "3"][$0] }).query() },
            Faces.cli(SubsidyCommand.Payments.self, ["--term", "2027春", "--state", "failed", "--batch", "3"]) { try $0.form.query() }, "payments")
        Faces.expectSame(
            Faces.http { try PaymentListForm(query: { ["state": "lost"][$0] }).query() },
            Faces.cli(SubsidyCommand.Payments.self, ["--state", "lost"]) { try $0.form.query() }, "payments, unknown state")
        Faces.expectSame(
            Faces.http { try Faces.body(ReissueForm.self, #"{"note": "已更正银行卡号"}"#).request(id: 9) },
            Faces.cli(SubsidyCommand.Reissue.self, ["9", "--note", "已更正银行卡号"]) { try $0.form.request(id: 9) }, "reissue")
        Faces.expectSame(
            Faces.http { try Faces.body(ReissueForm.self, #"{"note": " "}"#).request(id: 9) },
            Faces.cli(SubsidyCommand.Reissue.self, ["9", "--note", " "]) { try $0.form.request(id: 9) }, "reissue, empty note")
        Faces.expectSame(
            Faces.http { try RosterUploadForm(query: { ["source": "建档立卡", "listedOn": "2026-09-01"][$0] }).start(fileName: nil) },
            Faces.cli(SubsidyCommand.Import.self, ["f.csv", "--source", "建档立卡", "--listed-on", "2026-09-01"]) { try $0.form.start(fileName: nil) }, "roster upload")
        Faces.expectSame(
            Faces.http { try UnmatchedListForm(query: { ["township": "510123", "schoolAge": "true"][$0] }).query() },
            Faces.cli(SubsidyCommand.Unmatched.self, ["--township", "510123", "--school-age"]) { try $0.form.query() }, "unmatched")
    }
}
