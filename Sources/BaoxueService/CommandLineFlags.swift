/// The few flags every service executable takes, read without a parser library so the services
/// stay lean: `--config FILE`, `--port-base N`, `--data DIR`, `--requests EP`, `--events EP`.
public struct CommandLineFlags: Sendable {
    private var values: [String: String] = [:]
    public private(set) var wantsHelp = false
    /// Arguments that are not one of the known flags, or a flag without its value.
    public private(set) var unknown: [String] = []

    public static let known: Set<String> = ["--config", "--port-base", "--data", "--requests", "--events"]

    public init(_ arguments: some Sequence<String>) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument == "--help" || argument == "-h" { wantsHelp = true; continue }
            if let equals = argument.firstIndex(of: "="), CommandLineFlags.known.contains(String(argument[..<equals])) {
                values[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
            } else if CommandLineFlags.known.contains(argument), let value = iterator.next() {
                values[argument] = value
            } else {
                unknown.append(argument)
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
