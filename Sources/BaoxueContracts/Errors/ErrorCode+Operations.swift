/// Codes about running an installation on a host: its data directory, ports, backups.
extension ErrorCode {
    /// Another process (`baoxue up`, `serve`, a service) already runs on this data directory.
    public static let installationRunning = ErrorCode("installation.running", .conflict)
    /// The data directory's lock file cannot be opened.
    public static let installationLockFailed = ErrorCode("installation.lockFailed", .internal)
    /// A port the service must bind is taken by another process.
    public static let servicePortInUse = ErrorCode("service.portInUse", .conflict)
}

/// Codes about backups (`baoxue backup`, `baoxue restore`).
extension ErrorCode {
    /// The target directory already holds a backup, which a new one would overwrite.
    public static let backupExists = ErrorCode("backup.exists", .conflict)
    /// The data directory holds no Baoxue database: the wrong `--data`, most likely.
    public static let backupNoData = ErrorCode("backup.noData", .refused)
    /// The directory holds no readable manifest of a backup this version can restore.
    public static let backupManifestInvalid = ErrorCode("backup.manifestInvalid", .invalid)
    /// A file of the backup is missing, or its size or SHA-256 differs from the manifest's.
    public static let backupChecksumMismatch = ErrorCode("backup.checksumMismatch", .invalid)
}
