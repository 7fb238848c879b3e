/// The machine's Python, for tests that play a client in another language or read YAML.
public enum Python {
    /// Whether `python3` can import `module` here. Asynchronous, for a test's condition trait:
    /// `@Test(.enabled("…") { await Python.has("zmq") })`.
    public static func has(_ module: String) async -> Bool {
        (try? await runCommand("/usr/bin/env", ["python3", "-c", "import \(module)"], timeout: .seconds(30)))?.status == 0
    }
}
