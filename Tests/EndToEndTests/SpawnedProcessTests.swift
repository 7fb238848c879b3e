import BaoxueService
import BaoxueTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What every service and command is started with (`baoxue up`, the benches, these tests): exit
/// codes and signals reported as `Foundation.Process` did, output in files, standard input empty,
/// and nothing of the parent's open files passed on.
@Suite struct SpawnedProcessTests {
    static func shell(_ script: String, output: String? = nil) throws -> SpawnedProcess {
        try SpawnedProcess(executable: "/bin/sh", arguments: ["-c", script], environment: ["PATH": "/usr/bin:/bin"], output: output, error: output)
    }

    @Test func exitCodesAndSignalsAreReported() async throws {
        #expect(await try Self.shell("exit 3").exit() == 3)
        #expect(await try Self.shell("kill -KILL $$").exit() == SIGKILL)
        let sleeper = try Self.shell("exec sleep 30")
        #expect(sleeper.isRunning && sleeper.terminationStatus == nil)
        await sleeper.stop(grace: .seconds(5))
        #expect(sleeper.terminationStatus == SIGTERM, "SIGTERM at its default disposition ends it")
        #expect(throws: SpawnedProcess.SpawnError.self) { try SpawnedProcess(executable: "/nonexistent/baoxue", arguments: [], environment: [:], output: nil, error: nil) }
    }

    @Test func theChildGetsOnlyItsOwnDescriptorsAndAnEmptyInput() async throws {
        let directory = TemporaryDirectory("baoxue-spawn")
        defer { directory.remove() }
        // A descriptor of the parent opened without close-on-exec, as Foundation's FileHandle does.
        let leaked = open("/etc/hostname", O_RDONLY)
        try #require(leaked > 2)
        defer { close(leaked) }
        let out = directory.file("out")
        let listing = try Self.shell("ls /proc/$$/fd; cat", output: out)
        #expect(await listing.exit() == 0, "cat read an empty standard input and ended")
        let descriptors = Set(try String(contentsOfFile: out, encoding: .utf8).split(whereSeparator: \.isWhitespace).compactMap { Int32($0) })
        #expect(descriptors.isSuperset(of: [0, 1, 2]))
        #expect(!descriptors.contains(leaked), "the parent's descriptor \(leaked) was passed on: \(descriptors.sorted())")
    }
}
