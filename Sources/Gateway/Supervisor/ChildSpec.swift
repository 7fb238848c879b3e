/// A service process the supervisor runs: its executable name and arguments.
public struct ChildSpec: Sendable {
    public var name: String
    public var executable: String
    public var arguments: [String]

    public init(name: String, executable: String, arguments: [String]) {
        self.name = name
        self.executable = executable
        self.arguments = arguments
    }
}
