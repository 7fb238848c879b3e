import BaoxueContracts
import BaoxueMessaging
import Foundation
import GRDB
import Registry

/// The student import's stages, each run alone on this thread over the same rows, in CPU
/// microseconds per student: where the end-to-end time goes. The pipeline runs the same code
/// (the batch's JSON both ways, the registry's checks and storage JSON, its write transaction,
/// the publisher's read of the outbox), spread over processes and threads that share the cores.
struct ImportStages: Codable {
    /// The gateway writing each batch's JSON body.
    var encodeBatch: Double
    /// The registry reading a batch body.
    var decodeBatch: Double
    /// The registry's checks and storage JSON (``StudentImportPlan``), outside the writer.
    var plan: Double
    /// The registry's write transactions (``RegistryStore/importStudents(_:_:actor:)``): SQL,
    /// event bodies and headers, one transaction per batch of 2,500, on the registry's own
    /// database settings. The one stage that cannot run beside another.
    var write: Double
    /// The publisher reading the committed events back from the outbox to send them.
    var readBack: Double

    var total: Double { encodeBatch + decodeBatch + plan + write + readBack }

    static func measure(_ county: (schools: [SchoolRecord], students: [StudentRecord]), path: String) throws -> ImportStages {
        let count = Double(max(county.students.count, 1))
        func perStudent(_ body: () throws -> Void) rethrows -> Double {
            let start = ContinuousClock.now
            try body()
            return (ContinuousClock.now - start).seconds / count * 1e6
        }
        let batches = stride(from: 0, to: county.students.count, by: 2_500).map { start in
            ImportBatch(rows: county.students[start..<min(start + 2_500, county.students.count)].enumerated().map { NumberedRow(row: start + $0.offset + 2, record: $0.element) })
        }
        var bodies: [Data] = []
        let encode = perStudent { bodies = batches.map { Data($0.jsonBytes()) } }
        var decoded: [ImportBatch<StudentRecord>] = []
        let decode = try perStudent { decoded = try bodies.map { try ImportBatch<StudentRecord>.read(json: $0) } }
        var plans: [StudentImportPlan] = []
        let plan = perStudent { plans = decoded.map { StudentImportPlan($0) } }

        let database = try RawBaselines.registryDatabase(path: path, schools: county.schools)
        let store = RegistryStore()
        let actor = Actor.localOperator(via: "bench")
        let write = try perStudent {
            for plan in plans { _ = try database.write { db in try store.importStudents(db, plan, actor: actor) } }
        }
        let readBack = try perStudent {
            try database.read { db in
                var after: Int64 = 0
                while let last = try Outbox.events(db, after: after, limit: 5_000).last { after = last.seq }
            }
        }
        return ImportStages(encodeBatch: encode, decodeBatch: decode, plan: plan, write: write, readBack: readBack)
    }
}
