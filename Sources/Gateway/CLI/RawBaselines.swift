import BaoxueContracts
import BaoxueService
import Foundation
import GRDB
import ZeroMQ

/// The raw limits a benchmark compares against, measured in the same run.
enum RawBaselines {
    /// libzmq REQ/REP round trips of 100 bytes over tcp loopback, two threads, no Swift
    /// concurrency in between.
    static func zeroMQRoundTrip(iterations: Int) -> Percentiles {
        let context = Context()
        let port = FreePorts.base(count: 1)
        let endpoint = "tcp://127.0.0.1:\(port)"
        let ready = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        let total = iterations + 500
        let server = Thread {
            guard let reply = try? Socket(context: context, type: .reply), (try? reply.bind(endpoint)) != nil else { ready.signal(); done.signal(); return }
            ready.signal()
            for _ in 0..<total {
                guard let message = try? reply.receive() else { break }
                try? reply.send(message)
            }
            reply.close()
            done.signal()
        }
        server.start()
        ready.wait()
        var samples: [Double] = []
        samples.reserveCapacity(iterations)
        if let request = try? Socket(context: context, type: .request), (try? request.connect(endpoint)) != nil {
            let payload = [Data(repeating: 0x61, count: 100)]
            for index in 0..<total {
                let start = ContinuousClock.now
                try? request.send(payload)
                _ = try? request.receive()
                if index >= 500 { samples.append((ContinuousClock.now - start).seconds * 1e6) }
            }
            request.close()
        }
        done.wait()
        return Percentiles(samples)
    }

    /// Rows per second inserting the students' main columns with one prepared statement in one
    /// transaction (WAL, synchronous=NORMAL): the floor under any import.
    static func sqliteInsertRate(_ students: [StudentRecord], path: String) throws -> Double {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
            try db.execute(sql: """
                CREATE TABLE student (id INTEGER PRIMARY KEY, student_number TEXT UNIQUE, id_number TEXT UNIQUE, name TEXT, sex TEXT,
                  birth_date TEXT, school TEXT, grade INTEGER, class TEXT, poor INTEGER, dibao INTEGER, phone TEXT)
                """)
        }
        let start = ContinuousClock.now
        try queue.inTransaction { db in
            let statement = try db.makeStatement(sql: "INSERT INTO student (student_number, id_number, name, sex, birth_date, school, grade, class, poor, dibao, phone) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
            for s in students {
                try statement.execute(arguments: [s.studentNumber.value, s.idNumber?.value, s.name, s.sex.rawValue, s.birthDate.description, s.schoolCode, s.grade, s.className, s.registeredPoor, s.subsistence, s.guardianPhone])
            }
            return .commit
        }
        return Double(students.count) / (ContinuousClock.now - start).seconds
    }
}
