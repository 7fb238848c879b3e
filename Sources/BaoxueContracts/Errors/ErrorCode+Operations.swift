/// Codes about running an installation on a host: its data directory and its ports.
extension ErrorCode {
    /// Another process (`baoxue up`, `serve`, a service) already runs on this data directory.
    public static let installationRunning = ErrorCode("installation.running", .conflict)
    /// The data directory's lock file cannot be opened.
    public static let installationLockFailed = ErrorCode("installation.lockFailed", .internal)
    /// A port the service must bind is taken by another process.
    public static let servicePortInUse = ErrorCode("service.portInUse", .conflict)
}

