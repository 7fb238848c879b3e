import Access
import BaoxueCSV
import BaoxueContracts
import BaoxueMessaging
import Foundation

/// The household-registration roster, the cross-check (四查三比对) and the county's ledgers.
public struct CrosscheckOperations: Sendable {
    let clients: ServiceClients
    let auditor: Auditor
    let services: ServiceOperations
    /// For the townships' names in the ledgers (the monitor knows codes only).
    let registry: RegistryOperations
    /// Roster batches in flight at once: the monitor writes one while the next is parsed here and
    /// read there.
    public var window = 3

    /// Imports a population roster: every row checked here (ID checksum and date, region code,
    /// phone, duplicates within the file), good rows sent to the monitor in batches of
    /// ``RosterBatch/recommendedSize``, several in flight. Re-importing the same file changes
    /// nothing: rows are upserted by ID number. County roles only.
    public func importRoster(_ data: Data, encoding: TextEncoding? = nil, sheet: String? = nil, allowExtraColumns: Bool = false, actor: Actor, batchSize: Int = RosterBatch.recommendedSize, progress: ImportProgress? = nil) async throws -> ImportOutcome {
        try await auditor.audited(actor, "roster.import", detail: { $0.auditDetail }) {
            try AccessScope(actor).requireCountyWrite()
            let monitor = clients.monitor
            let upload = BatchedUpload<RosterChild>(batchSize: batchSize, window: window) { rows in
                try await monitor.call(MonitorMessage.importRoster, RosterBatch(rows: rows), actor: actor, policy: .bulk)
            }
            return try await upload.importFile(data, encoding: encoding, sheet: sheet, allowExtraColumns: allowExtraColumns, checker: .roster(), order: { Self.idOrder($0.rows) }, progress: progress)
        }
    }

    /// The rows' indices in ID-number order (file order among equal numbers, so a duplicate is
    /// still reported at its second occurrence in the file).
    ///
    /// The roster goes to the monitor in this order: each batch then covers a narrow range of
    /// the monitor's ID-number index, and its transaction dirties a few hundred index pages
    /// instead of most of them. Measured on a million rows: the monitor's writes take about half
    /// the time (docs/performance.md). A public-security export is ordered by household, which
    /// scatters ID numbers through the file.
    static func idOrder(_ rows: [TableRow<RosterField>]) -> [Int] {
        // The key is the first 17 digits as an integer. A cell written otherwise (full-width
        // digits, spaces) is normalised first, so both spellings of a number sort together;
        // one that is no number at all sorts last (and is refused by the check).
        func key(_ text: String) -> Int64? {
            var key: Int64 = 0
            var digits = 0
            for byte in text.utf8 {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                key = key &* 10 &+ Int64(byte &- 0x30)
                digits += 1
                if digits == 17 { return key }
            }
            return nil
        }
        var keys: [(key: Int64, index: Int)] = []
        keys.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let cell = row.fields[.idNumber] ?? ""
            keys.append((key(cell) ?? key(TextNormalization.field(cell)) ?? .max, index))
        }
        keys.sort { $0.key < $1.key || ($0.key == $1.key && $0.index < $1.index) }
        return keys.map(\.index)
    }

    /// Runs the cross-check now: fills the suspected-dropout ledger and raises rule 5's alerts.
    /// County roles only. A county's run takes seconds, so the call waits up to two minutes.
    ///
    /// First it gives the monitor up to 30 s to apply the registry's latest events: right after
    /// a students import, a replica a few seconds behind would send townships alerts about
    /// children who are enrolled. If the registry cannot be asked, the run compares with the
    /// replica as it is.
    public func runCrosscheck(actor: Actor) async throws -> CrosscheckReport {
        try await auditor.audited(actor, "crosscheck.run", detail: { "open \($0.open), opened \($0.opened), reopened \($0.reopened), closed \($0.closed)" }) {
            try AccessScope(actor).requireCountyWrite()
            try? await services.waitForMonitorToCatchUp(timeout: .seconds(30))
            return try await clients.monitor.call(MonitorMessage.runCrosscheck, CrosscheckRunRequest(), actor: actor, policy: .init(timeout: .seconds(120), attempts: 2))
        }
    }

    /// Suspects within the caller's scope, registered-poor children first; masked.
    public func suspects(_ query: SuspectQuery, actor: Actor) async throws -> [Suspect] {
        try await clients.monitor.call(MonitorMessage.listSuspects, query, actor: actor)
    }

    /// Records what checking on a suspect found. The audit line is filed under the child (found
    /// by `audit list --student`); a refusal is filed under the suspect's id, the only key the
    /// caller gave.
    public func verifySuspect(_ request: SuspectVerification, actor: Actor) async throws -> Suspect {
        let verified: VerifiedSuspect
        do {
            verified = try await clients.monitor.call(MonitorMessage.verifySuspect, request, actor: actor)
        } catch let error as ServiceError where error.isRefusal {
            let subject = AuditSubject(label: "疑似编号\(request.id) (suspect \(request.id))", references: [])
            try await auditor.record(actor, action: "crosscheck.verify", outcome: error.code.rawValue, subject: subject, detail: request.category.rawValue)
            throw error
        }
        var subject = auditor.subject(key: verified.student)
        if let idNumber = (try? StudentNumber(validating: verified.student))?.idNumber {
            subject.references.insert(contentsOf: auditor.subject(key: idNumber.value).references, at: 0)
        }
        subject.label = "\(verified.suspect.studentName) \(verified.suspect.idNumber ?? verified.suspect.student)"
        subject.township = verified.suspect.township
        subject.school = verified.suspect.school
        try await auditor.record(actor, action: "crosscheck.verify", subject: subject, detail: request.category.rawValue)
        return verified.suspect
    }

    /// One of the county's ledgers within the caller's scope, masked, as the monitor keeps it,
    /// with the townships' names beside their codes (from the registry, best effort: a ledger with
    /// codes alone is still worth having when the registry is slow). Exporting personal data in
    /// bulk is audited (counts only).
    public func ledger(_ request: LedgerRequest, actor: Actor) async throws -> LedgerTable {
        let table = try await auditor.audited(actor, "ledger.export", detail: { "\($0.kind.rawValue), rows \($0.rows.count)" }) {
            try await clients.monitor.call(MonitorMessage.exportLedger, request, actor: actor, policy: .init(timeout: .seconds(60), attempts: 2))
        }
        return table.namingTownships(await registry.townshipNames(actor: actor))
    }
}
