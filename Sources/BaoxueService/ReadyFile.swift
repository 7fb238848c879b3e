import Foundation

/// What a process reports once it serves, to whoever started it: a small JSON object of strings
/// (`{"requests": "tcp://127.0.0.1:41233", "events": "tcp://127.0.0.1:41235"}` from a service,
/// `{"http": "127.0.0.1:43117"}` from `baoxue serve`), written to the path in `BAOXUE_READY_FILE`.
///
/// A test starts a service on `tcp://127.0.0.1:*` or HTTP port 0 and reads back what the kernel
/// gave it, instead of probing for a free port first and hoping nobody takes it in between.
/// The file is written once the sockets are bound, and atomically (a temporary file renamed), so
/// a reader sees either nothing or the whole object. Without the variable nothing is written.
public enum ReadyFile {
    public static let environmentKey = "BAOXUE_READY_FILE"

    /// Writes `values` to the path in `BAOXUE_READY_FILE`, if the environment names one.
    /// - Throws: when the file cannot be written: whoever set the variable waits for it.
    public static func write(_ values: [String: String], environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let path = environment[environmentKey], !path.isEmpty else { return }
        let data = try JSONSerialization.data(withJSONObject: values, options: [.sortedKeys])
        let temporary = path + ".\(getpid()).tmp"
        try data.write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "cannot write the ready file \(path): \(String(cString: strerror(errno)))"])
        }
    }

    /// The values a process wrote to `path`, or nil while it has not written them.
    public static func read(_ path: String) -> [String: String]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: String]
    }
}
