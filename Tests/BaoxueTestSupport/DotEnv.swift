/// Reads `NAME='value'` lines as docker compose and a shell read a `.env` file: the quotes are
/// not part of the value.
public enum DotEnv {
    public static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            var value = parts[1]
            if value.count >= 2, value.first == "'", value.last == "'" { value = String(value.dropFirst().dropLast()) }
            values[parts[0]] = value
        }
        return values
    }
}
