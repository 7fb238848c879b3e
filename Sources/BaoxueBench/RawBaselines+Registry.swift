import BaoxueContracts
import BaoxueMessaging
import BaoxueService
import Foundation
import GRDB
import Registry

extension RawBaselines {
    /// A registry database as the registry opens it (``ServiceDatabase``, its page size, its migrations), with
    /// the county's townships and schools: what the import's baselines write students into.
    static func registryDatabase(path: String, schools: [SchoolRecord]) throws -> DatabasePool {
        let database = try ServiceDatabase.open(path: path, migrator: RegistrySchema.migrator, pageSize: RegistrySchema.pageSize)
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
    /// same SQL, event body and header), prepared, with every byte but the events' headers
    /// encoded beforehand: the `student` row (two unique indexes, which are also the import's
    /// look-up of a child already registered, three more, the school's foreign key), and the
    /// event with its header and its body (the student's snapshot) through the import's own
    /// outbox appender (runs of events, decision 143); in transactions of 2,500 rows, as the
    /// import's batches.
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
        struct Prepared { var number: String; var id: String?; var name: String; var school: String; var township: String; var record: Data; var topic: String; var body: [UInt8]; var key: String }
        let rows = county.students.map { student in
            let record = Data(student.jsonBytes())
            let township = townships[student.schoolCode] ?? ""
            let body = RegistryStore.addedStudentBody(recordJSON: record, schoolName: schoolNames[student.schoolCode] ?? "", township: township, updatedAt: now)
            return Prepared(
                number: student.studentNumber.value, id: student.idNumber?.value, name: student.name, school: student.schoolCode, township: township,
                record: record, topic: "\(RegistryMessage.Event.studentAdded).\(township)", body: body, key: Student.outboxKey(studentNumber: student.studentNumber.value))
        }
        let outbox = RegistryStore().outbox
        let start = ContinuousClock.now
        for batch in stride(from: 0, to: rows.count, by: 2_500) {
            try queue.writeWithoutTransaction { db in try db.inTransaction {
                let student = try BoundStatement(db, sql: RegistryStore.insertStudentSQL)
                try outbox.appending(db) { events in
                    for row in rows[batch..<min(batch + 2_500, rows.count)] {
                        try student.run { bind in
                            RegistryStore.bindInsert(&bind, studentNumber: row.number, idNumber: row.id, name: row.name, school: row.school, township: row.township, recordJSON: row.record, now: now)
                        }
                        try events.appendToRun(db, type: RegistryMessage.Event.studentAdded, topic: row.topic, encodedBody: row.body, key: row.key, actor: actor)
                    }
                }
                return .commit
            } }
        }
        return Double(rows.count) / (ContinuousClock.now - start).seconds
    }
}
