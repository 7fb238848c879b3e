#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// What every Baoxue executable does before anything else (the services in ``ServiceMain``, the
/// `baoxue` command line in its `main`): owner-only files from here on (``PrivateFiles``).
public enum ProcessStartup {
    /// Restricts file creation, before anything opens a file.
    public static func begin(_ executable: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        PrivateFiles.restrictNewFiles()
    }
}
