import BaoxueContracts
import BaoxueDemo
import Foundation

extension DemoLoader {
    /// The demo's family lists imported as the county's operator would, dated at the start of the
    /// current term, then one disbursement batch per program and the bank's results (every
    /// payment credited), so a fresh demo shows aid paid, coverage with only stated gaps (children
    /// whose schooling ended or paused before the batch) and the year's totals.
    static func loadSubsidy(_ county: DemoCounty, into operations: Operations) async throws {
        let actor = Actor.localOperator(via: "demo")
        let extra = max(3, county.students.count / 200)
        let population = DemoPopulation.generate(county: county, extraSchoolAge: extra, extraOutOfAge: extra * 2, seed: county.seed)
        let lists = DemoFamilyLists.generate(county: county, population: population)
        let term = Term(containing: county.today)
        let listedOn = min(term.start, county.today)
        try await operations.services.waitToCatchUp(.subsidy, timeout: .seconds(120))
        let imported = try await operations.subsidy.rosters(FamilyRosterQuery(limit: 10), actor: actor)
        if imported.isEmpty {
            for (source, csv) in [(RosterSource.poverty, lists.povertyCSV), (.civilAffairs, lists.civilAffairsCSV), (.disability, lists.disabilityCSV)] {
                let start = FamilyRosterStart(source: source, listedOn: listedOn, fileName: "demo-\(source.rawValue).csv")
                _ = try await operations.subsidy.importRoster(Data(csv.utf8), start: start, actor: actor)
            }
        }
        for program in try await operations.subsidy.programs(actor: actor) {
            _ = try await operations.subsidy.disburse(DisbursementRequest(term: term, program: program.id, date: county.today), actor: actor)
        }
        // The bank's file, a thousand payments at a time (a payment credited leaves the pending list).
        while true {
            let pending = try await operations.subsidy.payments(PaymentQuery(term: term, state: .pending, limit: 1_000), actor: actor)
            guard !pending.isEmpty else { break }
            let lines = ["支付编号,处理结果,处理日期"] + pending.map { "\($0.id),成功,\(county.today)" }
            _ = try await operations.subsidy.importBankResults(Data(lines.joined(separator: "\r\n").utf8), actor: actor)
        }
    }
}
