/// `HOST:PORT` as given to `--http`. Port 0 asks the kernel for any free port: tests start
/// `baoxue serve --http 127.0.0.1:0` and read the port back from its ready file.
struct HTTPAddress: Sendable, CustomStringConvertible {
    var host: String
    var port: Int

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else { return nil }
        host = String(text[..<colon])
        if host.isEmpty { host = "127.0.0.1" }
        self.port = port
    }

    var description: String { "\(host):\(port)" }
}
