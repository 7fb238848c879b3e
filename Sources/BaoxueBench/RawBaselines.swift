import BaoxueContracts
import BaoxueService
import Foundation
import GRDB
import Gateway
import Synchronization
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

    /// One-way libzmq PUB → SUB latency over tcp loopback, two threads, at `rate` messages a
    /// second (the same pacing as the alert benchmark), in microseconds.
    static func zeroMQPublishLatency(messages: Int, rate: Int) -> Percentiles {
        let context = Context()
        let endpoint = "tcp://127.0.0.1:\(FreePorts.base(count: 1))"
        let clock = ContinuousClock()
        let origin = clock.now
        let ready = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        let samples = Mutex<[Double]>([])
        let subscriber = Thread {
            guard let socket = try? Socket(context: context, type: .subscriber), (try? socket.connect(endpoint)) != nil, (try? socket.subscribe("")) != nil else { ready.signal(); done.signal(); return }
            ready.signal()
            var received: [Double] = []
            while received.count < messages, let frames = try? socket.receive(), let stamp = frames.first {
                let sent = stamp.withUnsafeBytes { $0.loadUnaligned(as: Int64.self) }
                let now = (clock.now - origin).nanoseconds
                received.append(Double(now - sent) / 1_000)
            }
            samples.withLock { $0 = received }
            socket.close()
            done.signal()
        }
        subscriber.start()
        ready.wait()
        if let publisher = try? Socket(context: context, type: .publisher), (try? publisher.bind(endpoint)) != nil {
            Thread.sleep(forTimeInterval: 0.3)  // the slow-joiner: let the subscription arrive
            let interval = 1.0 / Double(rate)
            for index in 0..<messages {
                let due = Double(index) * interval
                let elapsed = (clock.now - origin).seconds - 0.3
                if due > elapsed { Thread.sleep(forTimeInterval: due - elapsed) }
                var stamp = (clock.now - origin).nanoseconds
                try? publisher.send([Data(bytes: &stamp, count: 8), Data(repeating: 0x61, count: 200)])
            }
            done.wait()
            publisher.close()
        } else {
            done.wait()
        }
        return Percentiles(samples.withLock { $0 })
    }
}

extension RawBaselines {
    /// One indexed look-up of a student's stored record by ID number (or student number), as a
    /// single read does, straight on the registry's file: microseconds each.
    static func sqliteLookup(path: String, keys: [String], count: Int) throws -> Percentiles {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in
            let statement = try db.makeStatement(sql: "SELECT record FROM student WHERE id_number = ? OR student_number = ?")
            var samples: [Double] = []
            samples.reserveCapacity(count)
            for index in 0..<count {
                let key = keys[(index &* 7_919) % keys.count]
                let start = ContinuousClock.now
                _ = try Data.fetchOne(statement, arguments: [key, key])
                samples.append((ContinuousClock.now - start).seconds * 1e6)
            }
            return Percentiles(samples)
        }
    }
}
