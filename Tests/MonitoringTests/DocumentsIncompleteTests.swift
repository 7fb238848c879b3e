import BaoxueContracts
import BaoxueTestSupport
import Testing

@testable import Monitoring

/// 手续完备 (decision 108): a status change recorded without all its documents alerts the township
/// once it has stayed incomplete past the grace, counted in school days; handing the documents in
/// resolves it.
@Suite struct DocumentsIncompleteTests {
    /// The child as the registry publishes it, with the incomplete flag.
    static func student(_ monitor: MonitorHarness, incomplete: Bool, revision: Int) throws -> Student {
        var student = try monitor.student(1, revision: revision)
        student.documentsIncomplete = incomplete
        return student
    }

    @Test func aChangeStillIncompleteAfterTenSchoolDaysAlertsAndTheDocumentsResolveIt() throws {
        // Monday 2 November 2026, in term.
        let monitor = try MonitorHarness(today: MonitorHarness.date("2026-11-02"))
        try monitor.add(1)
        let student = try Self.student(monitor, incomplete: true, revision: 2)
        let change = StatusChange(
            id: 2, studentNumber: student.record.studentNumber.value, kind: .suspend, from: .enrolled, to: .enrolled, date: monitor.today, documents: [],
            missingDocuments: ["病历证明"], reason: nil, fromSchool: nil, toSchool: nil, expectedEnd: nil, recordedAt: Timestamp.now(), recordedBy: "op")
        try monitor.send(RegistryMessage.Event.statusChanged, StatusChangedEvent(change: change, student: student))
        // Two calendar weeks are ten school days: not yet more than the grace.
        monitor.advance(days: 14)
        try monitor.sweep()
        #expect(try !monitor.openRules(1).contains(.documentsIncomplete))
        monitor.advance(days: 1)
        try monitor.sweep()
        #expect(try monitor.openRules(1).contains(.documentsIncomplete))
        let alert = try monitor.write { db, store, _ in try store.alerts.list(db, AlertQuery(rule: .documentsIncomplete)) }.first
        #expect(alert?.text.contains("手续不全") == true && alert?.text.contains("11个教学日") == true)
        #expect(alert?.severity == .warning)

        // The school hands the documents in: the registry publishes the child complete.
        try monitor.send(RegistryMessage.Event.studentUpdated, try Self.student(monitor, incomplete: false, revision: 3))
        #expect(try !monitor.openRules(1).contains(.documentsIncomplete))
        let resolved = try monitor.write { db, store, _ in try store.alerts.list(db, AlertQuery(state: .resolved, rule: .documentsIncomplete)) }
        #expect(resolved.first?.resolution?.contains("手续已补齐") == true)
    }

    @Test func theSummerHolidaysDoNotCount() throws {
        // Recorded on the last day of the spring term, 10 July.
        let monitor = try MonitorHarness(today: MonitorHarness.date("2026-07-10")) { $0.calendar = CalendarRuleTests.calendar }
        try monitor.add(1)
        try monitor.send(RegistryMessage.Event.studentUpdated, try Self.student(monitor, incomplete: true, revision: 2))
        monitor.advance(days: 50)  // 29 August: the whole summer gone by
        try monitor.sweep()
        #expect(try !monitor.openRules(1).contains(.documentsIncomplete))
        monitor.advance(days: 16)  // 14 September: ten school days of the new term
        try monitor.sweep()
        #expect(try !monitor.openRules(1).contains(.documentsIncomplete))
        monitor.advance(days: 1)  // the eleventh
        try monitor.sweep()
        #expect(try monitor.openRules(1).contains(.documentsIncomplete))
    }
}
