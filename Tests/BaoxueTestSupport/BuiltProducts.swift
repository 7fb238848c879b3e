import Foundation

/// Where `swift build` put the executables: the directory of the running test bundle
/// (`.build/debug/`). End-to-end tests start the real binaries from here.
public enum BuiltProducts {
    public static var directory: URL {
        var candidates: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        for argument in CommandLine.arguments where argument.contains(".xctest") {
            var url = URL(fileURLWithPath: argument)
            while url.path != "/", !url.lastPathComponent.hasSuffix(".xctest") { url.deleteLastPathComponent() }
            candidates.append(url.deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("baoxue-registry").path) }
            ?? candidates.last!
    }

    public static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }
}
