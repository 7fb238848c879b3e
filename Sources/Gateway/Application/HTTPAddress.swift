/// `HOST:PORT` as given to `--http`.
struct HTTPAddress: Sendable, CustomStringConvertible {
    var host: String
    var port: Int

    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65_535).contains(port) else { return nil }
        host = String(text[..<colon])
        if host.isEmpty { host = "127.0.0.1" }
        self.port = port
    }

    var description: String { "\(host):\(port)" }
}
