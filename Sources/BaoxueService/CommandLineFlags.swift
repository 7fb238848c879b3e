/// The few flags every service executable takes, read without a parser library so the services
/// stay lean: `--config FILE`, `--port-base N`, `--data DIR`, `--requests EP`, `--events EP`.
public struct CommandLineFlags: Sendable {
    private var values: [String: String] = [:]
    public private(set) var wantsHelp = false

    public init(_ arguments: some Sequence<String>) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "--help" || argument == "-h" { wantsHelp = true; continue }
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                values[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
            } else if argument.hasPrefix("--"), let value = iterator.next() {
                values[argument] = value
            }
        }
    }

    public func value(_ flag: String) -> String? { values[flag] }

    /// Configuration keys the flags override.
    public func overrides(service: String) -> [String: String] {
        var result: [String: String] = [:]
        if let base = values["--port-base"] { result["ports.base"] = base }
        if let data = values["--data"] { result["\(service).data"] = data }
        if let requests = values["--requests"] { result["\(service).requests"] = requests }
        if let events = values["--events"] { result["\(service).events"] = events }
        return result
    }
}
