import Foundation

/// Reads a file as systemd reads `EnvironmentFile=`, following the rules systemd.exec(5) states
/// (systemd 252 and later), for a test where systemd itself cannot run:
///
/// - lines are separated by newlines; empty lines, lines without `=`, and lines starting with `#`
///   or `;` are ignored; whitespace around the name is dropped;
/// - an unquoted value loses its leading and trailing whitespace; a backslash keeps the character
///   after it (`\\` is `\`), and one at the end of a line joins the next line; `$` means nothing;
/// - a single-quoted value is verbatim up to the next `'`, across lines, with no escapes;
/// - a double-quoted value is verbatim up to the next unescaped `"`, where `\"`, `\\`, `` \` `` and
///   `\$` are the character and `\` before a newline drops both; any other backslash stays;
/// - no variable expansion anywhere.
public enum SystemdEnvironmentFile {
    public static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        var characters = Array(text)[...]
        while let first = characters.first {
            // A line: skip leading whitespace, comments and lines without `=`.
            if first == " " || first == "\t" || first == "\r" || first == "\n" { characters.removeFirst(); continue }
            if first == "#" || first == ";" { skipLine(&characters); continue }
            var name = ""
            while let character = characters.first, character != "=", character != "\n" {
                name.append(character)
                characters.removeFirst()
            }
            guard characters.first == "=" else { continue }
            characters.removeFirst()
            values[name.trimmingCharacters(in: .whitespaces)] = value(&characters)
        }
        return values
    }

    /// The value from just after `=` up to the end of its line (or its closing quote's line).
    private static func value(_ characters: inout ArraySlice<Character>) -> String {
        while characters.first == " " || characters.first == "\t" { characters.removeFirst() }
        var result = ""
        // Trailing whitespace of unquoted text is dropped; quoted text keeps its own.
        var unquotedTail = ""
        while let character = characters.popFirst() {
            switch character {
            case "\n":
                return result
            case "'":
                result += unquotedTail
                unquotedTail = ""
                while let inner = characters.popFirst(), inner != "'" { result.append(inner) }
            case "\"":
                result += unquotedTail
                unquotedTail = ""
                while let inner = characters.popFirst(), inner != "\"" {
                    guard inner == "\\", let escaped = characters.popFirst() else { result.append(inner); continue }
                    switch escaped {
                    case "\"", "\\", "`", "$": result.append(escaped)
                    case "\n": break
                    default: result += "\\\(escaped)"
                    }
                }
            case "\\":
                guard let escaped = characters.popFirst() else { break }
                if escaped != "\n" {
                    result += unquotedTail
                    unquotedTail = ""
                    result.append(escaped)
                }
            case " ", "\t", "\r":
                unquotedTail.append(character)
            default:
                result += unquotedTail
                unquotedTail = ""
                result.append(character)
            }
        }
        return result
    }

    private static func skipLine(_ characters: inout ArraySlice<Character>) {
        while let character = characters.popFirst(), character != "\n" {}
    }
}
