import BaoxueContracts

/// A text encoding that county offices' exports come in.
///
/// Newer roster systems and WPS write UTF-8; Excel on Chinese Windows saves "CSV (逗号分隔)" in the
/// system code page, GBK. GB2312 ⊂ GBK ⊂ GB18030, so one GB18030 decoder reads all three and the
/// rare characters in minority and old family names (䶮, CJK extension B) that GBK lacks.
public enum TextEncoding: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// GB18030, which also reads GBK and GB2312.
    case gb18030 = "gb18030"

    /// The encoding a `--encoding` option names: `utf-8`, `utf8`, `gbk`, `gb2312` or `gb18030`,
    /// in any case. Returns `nil` for any other name, so the caller can list these.
    public static func named(_ name: String) -> TextEncoding? {
        switch name.trimmingWhitespace().lowercased() {
        case "utf-8", "utf8": .utf8
        case "gbk", "gb2312", "gb18030": .gb18030
        default: nil
        }
    }

    /// `UTF-8` or `GB18030`, as a report tells a person how their file was read.
    public var description: String {
        switch self {
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        }
    }
}
