import BaoxueContracts
import BaoxueMessaging
import BaoxueTestSupport
import Foundation
import GRDB
import Logging
import Testing
import ZeroMQ

/// Crashes, restarts and duplicates are part of the design: nothing lost, nothing doubled.
@Suite(.serialized) struct CrashAndReplayTests {
    static func studentAddedKeys(_ events: [ReceivedEvent]) -> [String] {
        events.filter { $0.header.type == RegistryMessage.Event.studentAdded }.compactMap {
            (try? WireCoding.decode(Student.self, from: $0.body))?.record.identityKey
        }
    }

    @Test func killDashNineBetweenImportsLosesAndDoublesNothing() async throws {
        let cluster = try await Cluster()
        _ = try await cluster.operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        let first = try await cluster.operations.registry.importStudents(Data(RosterFixtures.studentsCSV(1...400).utf8), actor: .localOperator())
        #expect(first.report.imported == 400)

        await cluster.killRegistry()
        try await cluster.restartRegistry()

        let second = try await cluster.operations.registry.importStudents(Data(RosterFixtures.studentsCSV(201...600).utf8), actor: .localOperator())
        #expect(second.report.imported == 200)
        #expect(second.report.unchanged == 200)
        #expect(try await cluster.health().counts["students"] == 600)
        let events = try await cluster.replayAll()
        #expect(events.map(\.seq) == Array(1...Int64(events.count)))
        let added = Self.studentAddedKeys(events)
        #expect(added.count == 600)
        #expect(Set(added).count == 600)
        await cluster.stop()
    }

    @Test func killDashNineDuringAnImportThenReimportConverges() async throws {
        let cluster = try await Cluster()
        _ = try await cluster.operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        let file = Data(RosterFixtures.studentsCSV(1...6_000).utf8)

        // An import under way when the registry dies mid-batch (small batches, so several are
        // committed and several are not)…
        var operations = cluster.operations
        operations.registry.batchSize = 500
        let importer = operations
        let interrupted = Task { try await importer.registry.importStudents(file, actor: .localOperator()) }
        while (try? await cluster.health().counts["students"]) ?? 0 < 1_000 { try await Task.sleep(for: .milliseconds(5)) }
        await cluster.killRegistry()
        interrupted.cancel()
        _ = await interrupted.result
        let committed = try await { () async throws -> Int in
            try await cluster.restartRegistry()
            return try await cluster.health().counts["students"] ?? 0
        }()
        #expect(committed < 6_000)

        // …is finished by running it again: every row once, every event once.
        let rerun = try await cluster.operations.registry.importStudents(file, actor: .localOperator())
        #expect(rerun.report.rejected.isEmpty)
        #expect(rerun.report.imported + rerun.report.unchanged == 6_000)
        #expect(try await cluster.health().counts["students"] == 6_000)
        let events = try await cluster.replayAll()
        #expect(events.map(\.seq) == Array(1...Int64(events.count)))
        let added = Self.studentAddedKeys(events)
        #expect(added.count == 6_000)
        #expect(Set(added).count == 6_000)
        await cluster.stop()
    }

    @Test func aStoppedSubscriberCatchesUpOnThousandRegistryEvents() async throws {
        let cluster = try await Cluster()
        let database = try DatabaseQueue(path: cluster.directory.file("follower.sqlite"))
        try await database.write { db in
            try SQLiteEventSink.migrate(db)
            try db.execute(sql: "CREATE TABLE replica (key TEXT PRIMARY KEY, seq INTEGER NOT NULL)")
        }
        let sink = SQLiteEventSink(writer: database, publisher: "registry") { db, event in
            guard event.header.type == RegistryMessage.Event.studentAdded else { return }
            let student = try WireCoding.decode(Student.self, from: event.body)
            try db.execute(sql: "INSERT INTO replica (key, seq) VALUES (?, ?)", arguments: [student.record.identityKey, event.seq])
        }
        let logger = Logger(label: "follower")
        func follower() -> EventSubscriber {
            EventSubscriber(publisher: "registry", loop: cluster.operations.clients.loop, eventsEndpoint: cluster.registryEndpoints.events, requests: cluster.operations.clients.registry, sink: sink, logger: logger)
        }
        _ = try await cluster.operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        let first = follower()
        let running = Task { try await first.run() }
        await first.waitUntilApplied(2)
        running.cancel()
        _ = await running.result

        _ = try await cluster.operations.registry.importStudents(Data(RosterFixtures.studentsCSV(1...1_000).utf8), actor: .localOperator())
        let lastSeq = try await cluster.health().lastSeq
        #expect(lastSeq == 1_002)

        let second = follower()
        let restarted = Task { try await second.run() }
        defer { restarted.cancel() }
        await second.waitUntilApplied(lastSeq)
        #expect(try await database.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM replica") } == 1_000)
        #expect(await second.status.lag == 0)
        await cluster.stop()
    }

    @Test func theRealRegistryAnswersGarbageAndKeepsServing() async throws {
        let cluster = try await Cluster()
        let loop = cluster.operations.clients.loop
        let (socket, replies) = try await loop.open(SocketSpec(type: .dealer, connect: [cluster.registryEndpoints.requests]))
        var iterator = replies.makeAsyncIterator()
        loop.send([Data(), Data([0xFF, 0x00, 0x13])], on: socket)
        let garbage = try Envelope(frames: try #require(await iterator.next()?.first).dropFirst())
        #expect(garbage.replyError?.code == .requestMalformed)
        let header = MessageHeader(type: "registry.teleport", actor: .system)
        loop.send([Data(), try WireCoding.encode(header), Data("{}".utf8)], on: socket)
        let unknown = try Envelope(frames: try #require(await iterator.next()?.first).dropFirst())
        #expect(unknown.replyError?.code == .requestUnknownType)
        loop.close(socket)
        #expect(cluster.registry.isRunning)
        #expect(try await cluster.health().service == "registry")
        await cluster.stop()
    }

    @Test func aRetriedChangeIsAppliedOnce() async throws {
        let cluster = try await Cluster()
        _ = try await cluster.operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        _ = try await cluster.operations.registry.importStudents(Data(RosterFixtures.studentsCSV(1...1).utf8), actor: .localOperator())
        let request = StatusChangeRequest(student: RosterFixtures.idNumber(sequence: 1), kind: .suspend, date: CivilDate(year: 2026, month: 10, day: 8)!, documents: ["休学申请", "病历证明"])
        let id = MessageID.make()
        let first: StatusChangedEvent = try await cluster.operations.clients.registry.call(RegistryMessage.changeStatus, request, actor: .localOperator(), requestID: id)
        let retry: StatusChangedEvent = try await cluster.operations.clients.registry.call(RegistryMessage.changeStatus, request, actor: .localOperator(), requestID: id)
        #expect(first.change.id == retry.change.id)
        #expect(try await cluster.health().counts["changes"] == 1)
        await cluster.stop()
    }
}
