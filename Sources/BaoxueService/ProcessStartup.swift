#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// What every Baoxue executable does before anything else (the services in ``ServiceMain``, the
/// `baoxue` command line in its `main`): owner-only files from here on (``PrivateFiles``), SQLite's
/// process-wide settings (``SQLiteProcessSettings``), and, when a supervisor or a test started it,
/// death with that parent (``ParentWatch``).
public enum ProcessStartup {
    /// Restricts file creation and arms the parent-death signal; a process whose parent is already
    /// gone says so on standard error and exits 0 here, before it opens or binds anything.
    public static func begin(_ executable: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        PrivateFiles.restrictNewFiles()
        SQLiteProcessSettings.apply()
        if case .parentGone(let parent) = ParentWatch.arm(environment: environment) {
            FileHandle.standardError.write(Data("\(executable): parent process \(parent) is gone; not starting\n".utf8))
            exit(0)
        }
    }
}
