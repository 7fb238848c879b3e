import Access
import BaoxueContracts
import BaoxueService
import BaoxueTestSupport
import Foundation
import Testing

/// A term-start burst of alerts with one client that stops reading: the gateway holds at most
/// ``bufferLimit`` alerts for it, its memory stays bounded, the client that reads gets every
/// alert, and the one that stopped gets every alert too once it reads again and resumes with
/// `Last-Event-ID`.
@Suite(.serialized) struct AlertStreamLoadTests {
    /// A client that reads the stream's first bytes, stops reading until the file `resume`
    /// exists (its receive buffer small, so the gateway's writes back up), then reads on,
    /// reconnecting with `Last-Event-ID` whenever the stream ends, until it has `want` distinct
    /// ids or 60 s pass. Prints the ids it got and how many connections it took.
    static func slowReader(address: String, token: String, resume: String, want: Int) -> String {
        let parts = address.split(separator: ":")
        return """
            import os, socket, time, sys
            host, port = "\(parts[0])", \(parts[1])
            ids, last, connections = set(), None, 0
            deadline = time.time() + 600
            paused = False
            while len(ids) < \(want) and time.time() < deadline:
                s = socket.socket()
                s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                s.settimeout(5)
                s.connect((host, port))
                connections += 1
                resume = ("Last-Event-ID: %d\\r\\n" % last) if last is not None else ""
                s.sendall(("GET /api/v1/alerts/stream HTTP/1.1\\r\\nHost: x\\r\\nAuthorization: Bearer \(token)\\r\\nAccept: text/event-stream\\r\\n" + resume + "\\r\\n").encode())
                data = s.recv(256)
                if not paused:
                    paused = True
                    sys.stdout.write("paused\\n"); sys.stdout.flush()
                    while not os.path.exists("\(resume)"):
                        time.sleep(0.1)
                    deadline = time.time() + 60
                buffer = data
                while len(ids) < \(want):
                    try:
                        chunk = s.recv(65536)
                    except socket.timeout:
                        break
                    if not chunk:
                        break
                    buffer += chunk
                    while b"\\n\\n" in buffer:
                        event, buffer = buffer.split(b"\\n\\n", 1)
                        for line in event.split(b"\\n"):
                            if line.startswith(b"id: "):
                                last = int(line[4:])
                                ids.add(last)
                s.close()
            sys.stdout.write("ids %d max %d connections %d\\n" % (len(ids), max(ids) if ids else 0, connections))
            """
    }

    @Test func aClientThatStopsReadingCostsBoundedMemoryAndLosesNothing() async throws {
        // Friday 4 December 2026, a school day; with the threshold at one day, two days' absence
        // (Thursday and Friday) is a warning: half the rows of the default's four, so the burst
        // loads the machine less while the other tests run.
        let cluster = try await Cluster(withGateway: true, monitorEnvironment: ["MONITOR_CLOCK_TODAY": "2026-12-04", "MONITOR_THRESHOLDS_ABSENCE_CONSECUTIVE_DAYS": "1"])
        let gateway = try #require(cluster.gateway)
        let http = try #require(cluster.http)
        let address = http.base.replacingOccurrences(of: "http://", with: "")
        let operations = cluster.operations
        let children = 12_000
        _ = try await operations.registry.importSchools(Data(RosterFixtures.schoolsCSV().utf8), actor: .localOperator())
        _ = try await operations.registry.importStudents(Data(RosterFixtures.studentsCSV(1...children).utf8), actor: .localOperator())
        let county = try operations.accessStore.add(NewUser(name: "county-load", role: .countyOperator)).token

        // The slow client connects and stops reading; a watcher reads everything as it comes.
        let slowLog = cluster.directory.file("slow.log"), resume = cluster.directory.file("resume")
        let slow = try SpawnedProcess(
            executable: "/usr/bin/env", arguments: ["python3", "-c", Self.slowReader(address: address, token: county, resume: resume, want: children)],
            environment: ProcessInfo.processInfo.environment, output: slowLog, error: slowLog)
        defer { if slow.isRunning { slow.send(SIGKILL) } }
        var slowOutput: String { (try? String(contentsOfFile: slowLog, encoding: .utf8)) ?? "" }
        try #require(await eventually { slowOutput.contains("paused") }, "the slow client to connect: \(slowOutput)")
        let watcher = try ChildProcess("baoxue", ["alert", "watch", "--url", http.base, "--token", county, "--json", "--count", "\(children)"], log: cluster.directory.file("watch.log"))
        try await Task.sleep(for: .seconds(1))
        let before = try UploadBoundsTests.anonymousMegabytes(gateway.pid)

        // The burst: every child absent Thursday and Friday, in one file; 12,000 warnings at once,
        // more than the kernel's socket buffers (about 4 MB on loopback) and the 1,000 held.
        let rows = (1...children).flatMap { index in
            (3...4).map { day in "\(RosterFixtures.school),2026-12-0\(day),\(RosterFixtures.studentRow(index).split(separator: ",")[3])," }
        }
        let absences = (["学校标识码,日期,身份证件号,缺课原因"] + rows).joined(separator: "\r\n")
        let imported = try await operations.monitor.importAbsences(Data(absences.utf8), actor: .localOperator())
        try #require(imported.report.rejected.isEmpty && imported.report.imported == rows.count, "\(imported.report.imported) imported, \(imported.report.rejected.prefix(3))")
        var peak = before
        let watched = try await eventually(within: .seconds(180), every: .milliseconds(100)) {
            peak = max(peak, (try? UploadBoundsTests.anonymousMegabytes(gateway.pid)) ?? 0)
            return !watcher.isRunning
        }
        let monitorHealth = await operations.services.status(actor: .system).first { $0.service == "monitor" }?.health
        #expect(watched, "monitor \(String(describing: monitorHealth?.counts)) watcher: \(watcher.output.suffix(600)) the watcher to get \(children) alerts: \(watcher.output.suffix(300))")
        let got = AlertStreamTests.received(watcher.output)
        #expect(Set(got.map(\.0)).count == children)
        // Held for the slow client: at most 1,000 alerts (about 1 KB each) and its socket's
        // buffers, not the burst.
        #expect(peak - before < 48, "the gateway's heap grew from \(before) MB to \(peak) MB")

        FileManager.default.createFile(atPath: resume, contents: Data())
        // The slow client reads again: the stream it stopped on ends past its buffer, and with
        // Last-Event-ID it gets the rest from the feed, every alert once.
        try #require(await eventually(within: .seconds(180)) { !slow.isRunning }, "the slow client to finish: \(slowOutput)")
        let summary = try #require(slowOutput.split(separator: "\n").last { $0.hasPrefix("ids ") })
        #expect(summary.hasPrefix("ids \(children) "), "\(summary)")
        #expect(!summary.hasSuffix("connections 1"), "the stream it stopped reading ended: \(summary)")
        await cluster.stop()
    }
}
