import BaoxueContracts
import BaoxueTestSupport
import Foundation
import Gateway
import Testing
import ZeroMQ

/// `baoxue keys generate --env` and `<data>/keys/curve.env` are read back unchanged by every reader
/// they are written for: a POSIX shell (`. file`), systemd's `EnvironmentFile=`, and docker
/// compose's `.env` (python-dotenv follows the same rules for single quotes), even for keys made
/// of the characters that break unquoted values (`$`, `#`, `(`, `<`, `&`, `*`, `?`).
@Suite struct CurveKeyFileTests {
    /// The Z85 alphabet as ZeroMQ's RFC 32 (Z85) defines it: 85 characters, none of them `'`,
    /// `"` or `\`, so single quotes around a key need no escaping.
    static let z85 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#"

    /// A key set whose every key is 40 characters of the alphabet, rotated so that each differs and
    /// together they hold every character, the awkward ones included.
    static func everyCharacterKeys() -> CurveKeySet {
        let alphabet = Array(z85)
        var offset = 0
        func key() -> String {
            defer { offset += 17 }
            return String((0..<40).map { alphabet[($0 + offset) % alphabet.count] })
        }
        var services: [ServiceName: CurveKeyPair] = [:]
        for service in ServiceName.allCases { services[service] = CurveKeyPair(publicKey: key(), secretKey: key()) }
        return CurveKeySet(services: services, gateway: CurveKeyPair(publicKey: key(), secretKey: key()))
    }

    /// Every variable the file should hold, as the key set has it.
    static func expected(_ keys: CurveKeySet) -> [String: String] {
        var all = keys.gatewayEnvironment
        for service in ServiceName.allCases { all.merge(keys.environment(of: service)) { $1 } }
        return all
    }

    @Test func z85HasNoQuoteOrBackslashAndKeysUseOnlyIt() throws {
        #expect(Set(Self.z85).count == 85)
        #expect(!Self.z85.contains("'") && !Self.z85.contains("\"") && !Self.z85.contains("\\"))
        let generated = try CurveKeySet.generate()
        for value in Self.expected(generated).values {
            #expect(value.allSatisfy { Self.z85.contains($0) || $0 == "," }, "\(value)")
        }
        #expect(Self.expected(Self.everyCharacterKeys()).values.joined().contains("$"))
    }

    @Test(arguments: [false, true])
    func aShellReadsTheKeysBackUnchanged(everyCharacter: Bool) async throws {
        let keys = everyCharacter ? Self.everyCharacterKeys() : try CurveKeySet.generate()
        let directory = TemporaryDirectory("baoxue-keys")
        defer { directory.remove() }
        let file = try directory.write("curve.env", Data(keys.environmentText.utf8))
        // `set -a` exports what the file assigns; `env` prints it back, one variable a line.
        let shell = try await runCommand("/bin/sh", ["-c", "set -a; . \"$1\"; exec env", "sh", file])
        #expect(shell.status == 0, "\(shell.stderr)")
        var read: [String: String] = [:]
        for line in shell.stdout.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { read[parts[0]] = parts[1] }
        }
        for (name, value) in Self.expected(keys) {
            #expect(read[name] == value, "sh read \(name) as \(read[name] ?? "nothing")")
        }
    }

    @Test func systemdReadsTheKeysBackUnchanged() throws {
        let keys = Self.everyCharacterKeys()
        let read = SystemdEnvironmentFile.parse("# CurveZMQ keys made by baoxue up; keep secret\n" + keys.environmentText)
        #expect(read == Self.expected(keys))
        // The reader keeps to the rules: unquoted, a backslash keeps the next character and
        // trailing blanks go; in double quotes `\$` and `\\` are unescaped and other backslashes
        // stay; single quotes keep everything; `;` starts a comment.
        #expect(SystemdEnvironmentFile.parse("A= x\\$y  \nB=\"q\\$ \\\\ \\z\"\nC='a\\b $c'\n;D=1\n") == ["A": "x$y", "B": "q$ \\ \\z", "C": "a\\b $c"])
    }

    @Test(.enabled("python-dotenv is not installed") { await Python.has("dotenv") })
    func composeDotenvReadsTheKeysBackUnchanged() async throws {
        let keys = Self.everyCharacterKeys()
        let directory = TemporaryDirectory("baoxue-keys")
        defer { directory.remove() }
        let file = try directory.write(".env", Data(("# CurveZMQ keys made by baoxue up; keep secret\n" + keys.environmentText).utf8))
        let script = "import json, sys\nfrom dotenv import dotenv_values\nprint(json.dumps(dotenv_values(sys.argv[1], interpolate=True)))"
        let result = try await runCommand("/usr/bin/env", ["python3", "-c", script, file])
        #expect(result.status == 0, "\(result.stderr)")
        let read = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: String])
        #expect(read == Self.expected(keys))
    }

    @Test func baoxueReadsItsOwnFileBack() throws {
        let keys = Self.everyCharacterKeys()
        #expect(try CurveKeySet(environmentText: keys.environmentText) == keys)
    }
}
