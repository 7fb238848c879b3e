import BaoxueContracts
import BaoxueDemo
import Foundation

extension DemoLoader {
    /// The demo's household roster (the county's students plus a few children the registry does
    /// not know, of school age and not), imported as a county operator would, and one cross-check
    /// run once the monitor has caught up, so a fresh demo already shows rule-5 alerts.
    @discardableResult
    static func loadRoster(_ county: DemoCounty, into operations: Operations) async throws -> CrosscheckReport {
        let actor = Actor.localOperator(via: "demo")
        let extra = max(3, county.students.count / 200)
        let population = DemoPopulation.generate(county: county, extraSchoolAge: extra, extraOutOfAge: extra * 2, seed: county.seed)
        _ = try await operations.crosscheck.importRoster(Data(population.rosterCSV().utf8), actor: actor)
        try await operations.services.waitForMonitorToCatchUp()
        // The subsidy service's poor children with no school place, too (best effort: a demo
        // without the subsidy service still gets its cross-check).
        try? await operations.services.waitToCatchUp(.monitor, following: .subsidy, timeout: .seconds(30))
        return try await operations.crosscheck.runCrosscheck(actor: actor)
    }
}
