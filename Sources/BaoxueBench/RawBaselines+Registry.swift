import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import Foundation
import GRDB
import Registry

extension RawBaselines {
    /// A registry database as the registry opens it (``ServiceDatabase``, its migrations), with
    /// the county's townships and schools: what the import's baselines write students into.
    static func registryDatabase(path: String, schools: [SchoolRecord]) throws -> DatabasePool {
        let database = try ServiceDatabase.open(path: path, migrator: RegistrySchema.migrator)
        try database.write { db in
            for school in schools {
                try db.execute(sql: "INSERT OR IGNORE INTO township (code, name) VALUES (?, NULL)", arguments: [school.township])
                try db.execute(sql: "INSERT INTO school (code, name, type, township) VALUES (?, ?, ?, ?)", arguments: [school.code, school.name, school.type.rawValue, school.township])
            }
        }
        return database
    }

    /// Rows per second of the registry's own SQL for an import, with nothing else: the registry's
    /// database opened as the registry opens it (``ServiceDatabase``: its pragmas, its
    /// checkpointer, its migrations), and for each student the statements its import runs (the
    /// same SQL, event body and header), prepared, with every byte encoded beforehand: the
    /// look-up by ID number or student number, the `student` row (two unique indexes, three more,
    /// the school's foreign key), and the outbox row with its header, its body (the student's
    /// snapshot) and its key index; in transactions of 2,500 rows, as the import's batches.
    ///
    /// The end-to-end import cannot be faster than this: its ratio to the plain insert above
    /// (``sqliteInsertRate(_:path:)``) bounds the import's with this schema and these guarantees.
    /// Until 2026-12-06 this opened a plain queue with SQLite's default automatic checkpoint
    /// (every 4 MiB of WAL, on the writer), which the registry does not have, and so understated
    /// the bound by about a third (decision 137).
    static func registrySQLRate(_ county: (schools: [SchoolRecord], students: [StudentRecord]), path: String) throws -> Double {
        let queue = try registryDatabase(path: path, schools: county.schools)
        let townships = Dictionary(county.schools.map { ($0.code, $0.township) }) { first, _ in first }
        let schoolNames = Dictionary(county.schools.map { ($0.code, $0.name) }) { first, _ in first }
        // Everything the import encodes, encoded before the clock starts.
        let now = Timestamp.now()
        let actor = Actor.localOperator(via: "bench")
        struct Prepared { var number: String; var id: String?; var name: String; var school: String; var township: String; var record: Data; var topic: String; var body: Data; var key: String }
        let rows = county.students.map { student in
            let record = Data(student.jsonBytes())
            let township = townships[student.schoolCode] ?? ""
            let body = RegistryStore.addedStudentBody(recordJSON: record, schoolName: schoolNames[student.schoolCode] ?? "", township: township, updatedAt: now)
            return Prepared(
                number: student.studentNumber.value, id: student.idNumber?.value, name: student.name, school: student.schoolCode, township: township,
                record: record, topic: "\(RegistryMessage.Event.studentAdded).\(township)", body: body, key: Student.outboxKey(studentNumber: student.studentNumber.value))
        }
        let outbox = RegistryStore().outbox
        let headers = (1...max(rows.count, 1)).map { seq in
            try? WireCoding.encode(outbox.header(type: RegistryMessage.Event.studentAdded, seq: Int64(seq), actor: actor))
        }
        let start = ContinuousClock.now
        var seq = 0
        for batch in stride(from: 0, to: rows.count, by: 2_500) {
            try queue.writeWithoutTransaction { db in try db.inTransaction {
                let match = try db.cachedStatement(sql: RegistryStore.matchSQL)
                let student = try db.cachedStatement(sql: RegistryStore.insertStudentSQL)
                let event = try db.cachedStatement(sql: Outbox.insertSQL)
                for row in rows[batch..<min(batch + 2_500, rows.count)] {
                    _ = try Row.fetchOne(match, arguments: [row.id, row.number])
                    try student.execute(arguments: [row.number, row.id, row.name, row.school, row.township, row.record, now])
                    try event.execute(arguments: [Int64(seq + 1), row.topic, headers[seq], row.body, row.key])
                    seq += 1
                }
                return .commit
            } }
        }
        return Double(rows.count) / (ContinuousClock.now - start).seconds
    }
}
