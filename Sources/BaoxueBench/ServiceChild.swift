import BaoxueService
import Foundation
import Gateway

/// A service executable a benchmark starts beside itself, its standard error discarded. It
/// watches the benchmark (``ParentWatch``): a benchmark stopped with Ctrl-C or killed leaves no
/// registry or monitor behind, and one run from a test or `baoxue up` does not hand its children
/// a parent they do not have.
enum ServiceChild {
    static func start(_ executable: String, _ arguments: [String]) throws -> SpawnedProcess {
        var environment = ProcessInfo.processInfo.environment
        environment[ParentWatch.environmentKey] = String(getpid())
        environment[ReadyFile.environmentKey] = nil
        return try SpawnedProcess(executable: Executables.path(executable), arguments: arguments, environment: environment, output: nil, error: nil)
    }
}
