import BaoxueTestSupport
import Foundation
import Testing

/// `baoxue bench` as a script uses it: with `--json`, standard output is one JSON document and
/// the progress lines a person reads go to standard error. A tiny county keeps it a few seconds;
/// the figures themselves are for a quiet machine, never for a test.
struct BenchCLITests {
    @Test func benchImportWithJSONPrintsOnlyJSONAndSaysWhereTheTimeGoes() async throws {
        let slot = await ServiceSetSlot()
        defer { slot.release() }
        let result = try await runProduct("baoxue", ["bench", "import", "--students", "300", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "stdout: \(result.stdout)")
        #expect(result.stderr.contains("生成 300 名学生的演示县"))
        #expect(!result.stdout.contains("生成"))
        #expect(object["accepted"] as? Int == 300)
        // Where the time goes: each stage alone, and the CPU each process used in the run.
        let stages = try #require(object["stages"] as? [String: Double])
        for stage in ["encodeBatch", "decodeBatch", "plan", "write", "readBack"] {
            #expect((stages[stage] ?? 0) > 0, "\(stage)")
        }
        #expect((object["registryCPUSeconds"] as? Double ?? 0) > 0)
        #expect((object["benchCPUSeconds"] as? Double ?? 0) > 0)
    }

    /// `bench alerts` says what a change cost each process, beside what waking a thread costs
    /// the host: the figures that explain its latency when it misses the target.
    @Test func benchAlertsWithJSONSaysWhatAChangeCostsEachProcess() async throws {
        let slot = await ServiceSetSlot()
        defer { slot.release() }
        let result = try await runProduct("baoxue", ["bench", "alerts", "--rate", "50", "--seconds", "2", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "stdout: \(result.stdout)")
        #expect(object["received"] as? Int == 100)
        let cost = try #require(object["changeCost"] as? [String: Any])
        for process in ["registry", "monitor", "gateway"] {
            let figures = try #require(cost[process] as? [String: Double], "\(process)")
            // Every change woke each process at least once and cost it some CPU.
            #expect((figures["cpuMicroseconds"] ?? 0) > 0 && (figures["switches"] ?? 0) >= 1, "\(process): \(figures)")
        }
        #expect((cost["coresBusy"] as? Double ?? 0) > 0)
        let wakeUp = try #require(object["rawThreadRoundTrip"] as? [String: Double])
        #expect((wakeUp["cpuMicroseconds"] ?? 0) > 0 && (wakeUp["wallMicroseconds"] ?? 0) > 0)
    }
}
