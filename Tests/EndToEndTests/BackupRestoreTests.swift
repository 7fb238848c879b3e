import BaoxueContracts
import BaoxueService
import BaoxueTestSupport
import Foundation
import Gateway
import Testing

/// `baoxue backup` while the installation runs, `baoxue restore` once it is stopped, and the
/// services agreeing again after the restart (issue 14, item 9).
@Suite(.serialized) struct BackupRestoreTests {
    @Test func backupWhileRunningRestoreAfterStoppingAndTheServicesAgreeAgain() async throws {
        let directory = TemporaryDirectory("baoxue-backup")
        defer { directory.remove() }
        let data = directory.file("data"), backup = directory.file("backup")
        let base = FreePorts.base(count: PortPlan.width)
        let flags = ["--port-base", String(base), "--data", data]

        // Given a running installation with a demo county, its services caught up.
        var up = try await Self.startUp(["--demo", "--students", "200"] + flags, directory: directory, attempt: 0)
        let before = try await Self.agreement(flags)
        try #require(before.agree, "\(before.detail)")

        // When it is backed up while it runs,
        let taken = try await runProduct("baoxue", ["backup", "--to", backup, "--json"] + flags)
        try #require(taken.status == 0, "\(taken.stderr)")
        let manifest = try JSONDecoder().decode(BackupManifest.self, from: Data(taken.stdout.utf8))
        // then every database, the keys and the demo tokens are in it, owner-only, followers first.
        #expect(manifest.files.map(\.path) == InstallationBackup.databases + ["keys/curve.env", "demo-tokens.env"])
        #expect(manifest.files.allSatisfy { $0.bytes > 0 && $0.sha256.count == 64 })
        #expect(manifest.files.first { $0.path == "registry.sqlite" }?.migration != nil)
        #expect(FileModes.notOwnerOnly(under: backup).isEmpty, "\(FileModes.notOwnerOnly(under: backup))")
        let again = try await runProduct("baoxue", ["backup", "--to", backup] + flags)
        #expect(again.status == 1 && again.stderr.contains("已有一份备份"), "an old backup is never overwritten: \(again.stderr)")

        // And when the county changes afterwards (schools, students, a user),
        let schools = try directory.write("schools.csv", Data(RosterFixtures.schoolsCSV().utf8))
        let students = try directory.write("students.csv", Data(RosterFixtures.studentsCSV(1...5).utf8))
        #expect(try await runProduct("baoxue", ["school", "import", schools] + flags).status == 0)
        #expect(try await runProduct("baoxue", ["student", "import", students] + flags).status == 0)
        #expect(try await runProduct("baoxue", ["user", "add", "--name", "after-backup", "--role", "viewer"] + flags).status == 0)
        let changed = try await Self.agreement(flags)
        #expect(changed.students > before.students)

        // a restore is refused while it runs, naming `up`'s pid,
        let refused = try await runProduct("baoxue", ["restore", "--from", backup] + flags)
        #expect(refused.status == 1 && refused.stderr.contains("installation.running") && refused.stderr.contains("\(up.pid)"), "\(refused.stderr)")
        kill(up.pid, SIGINT)
        try #require(try await eventually(within: .seconds(30), every: .milliseconds(100)) { !up.isRunning })

        // a damaged backup is refused, naming the file,
        let damaged = directory.file("damaged")
        try FileManager.default.copyItem(atPath: backup, toPath: damaged)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: damaged + "/registry.sqlite"))
        bytes[5_000] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: damaged + "/registry.sqlite"))
        let refusedDamaged = try await runProduct("baoxue", ["restore", "--from", damaged, "--lang", "en"] + flags)
        #expect(refusedDamaged.status == 2 && refusedDamaged.stderr.contains("registry.sqlite") && refusedDamaged.stderr.contains("does not match"), "\(refusedDamaged.stderr)")

        // and the backup itself is restored, owner-only,
        let restored = try await runProduct("baoxue", ["restore", "--from", backup] + flags)
        try #require(restored.status == 0, "\(restored.stderr)")
        #expect(FileModes.notOwnerOnly(under: data).isEmpty, "\(FileModes.notOwnerOnly(under: data))")

        // then, started again, the county is as it was at the backup: the students and the user
        // added since are gone from every service,
        up = try await Self.startUp(flags, directory: directory, attempt: 1)
        let back = try await Self.agreement(flags)
        #expect(back.students == before.students, "\(back.detail)")
        let users = try await runProduct("baoxue", ["user", "list", "--json"] + flags)
        #expect(users.status == 0 && !users.stdout.contains("after-backup") && users.stdout.contains("demo-county-admin"), "\(users.stdout)")
        #expect(back.agree, "the services agree after the restore: \(back.detail)")

        // and what happens next reaches every subscriber: the registry's stream went back in
        // time, and so did every follower's cursor, because followers were copied first.
        #expect(try await runProduct("baoxue", ["student", "import", students] + flags).status == 0)
        let after = try await Self.agreement(flags)
        #expect(after.agree && after.students > before.students, "\(after.detail)")
        kill(up.pid, SIGINT)
        _ = try await eventually(within: .seconds(30), every: .milliseconds(100)) { !up.isRunning }
    }

    /// `baoxue up` on `arguments`, once its services answer and it has said what to try.
    static func startUp(_ arguments: [String], directory: TemporaryDirectory, attempt: Int) async throws -> ChildProcess {
        let httpPort = FreePorts.base(count: 1)
        let up = try ChildProcess("baoxue", ["up", "--http", "127.0.0.1:\(httpPort)"] + arguments, log: directory.file("up-\(attempt).log"))
        try #require(try await eventually(within: .seconds(120), every: .milliseconds(100)) { up.output.contains("Ctrl-C") || !up.isRunning }, "\(up.output)")
        try #require(up.isRunning, "\(up.output)")
        return up
    }

    /// Whether the services agree, waited for: every subscriber at its publisher's last sequence
    /// number and not diverged, and the registry, the monitor and subsidy counting the same
    /// students. With the registry's count and what `services status` said.
    static func agreement(_ flags: [String]) async throws -> (agree: Bool, students: Int, detail: String) {
        var last: (agree: Bool, students: Int, detail: String) = (false, 0, "")
        _ = try await eventually(within: .seconds(60), every: .milliseconds(250)) {
            let status = try await runProduct("baoxue", ["services", "status", "--json"] + flags)
            let probes = (try? JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]]) ?? []
            let health = Dictionary(probes.compactMap { probe in (probe["health"] as? [String: Any]).map { (probe["service"] as? String ?? "", $0) } }) { $1 }
            let lastSeq = health.mapValues { $0["lastSeq"] as? Int ?? -1 }
            let students = ["registry", "monitor", "subsidy"].map { (health[$0]?["counts"] as? [String: Int])?["students"] ?? -1 }
            let caughtUp = health.values.allSatisfy { service in
                ((service["subscriptions"] as? [[String: Any]]) ?? []).allSatisfy { follow in
                    follow["diverged"] as? Bool == false && follow["cursor"] as? Int == lastSeq[follow["publisher"] as? String ?? ""]
                }
            }
            last = (health.count == ServiceName.deployed.count && caughtUp && Set(students).count == 1, students[0], status.stdout)
            return last.agree
        }
        return last
    }
}
