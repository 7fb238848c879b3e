/// A service process the supervisor runs: its executable, arguments, and the environment
/// variables it gets on top of the supervisor's own (keys travel this way, not on the command
/// line, where any user's `ps` would show them).
public struct ChildSpec: Sendable {
    public var name: String
    public var executable: String
    public var arguments: [String]
    public var environment: [String: String]

    public init(name: String, executable: String, arguments: [String], environment: [String: String] = [:]) {
        self.name = name
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
    }
}
