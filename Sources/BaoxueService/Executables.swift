import Foundation

/// Where the project's executables are: beside the running one (`.build/debug/`, or wherever an
/// installation put them), so `baoxue up` starts the services it was built with.
public enum Executables {
    public static var directory: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path).deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    public static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }
}
