/// Parsers for the small value kinds that rosters write in many ways. Each returns `nil` for a
/// value it cannot read; callers turn that into a ``FieldProblem`` that names the column.
public enum FieldParsing {
    /// 是/否, Y/N, 1/0, true/false, 有/无. Empty reads as `false`.
    public static func flag(_ text: String) -> Bool? {
        // The two answers as files write them, before any clean-up: ten columns of every row.
        if text == "是" { return true }
        if text == "否" { return false }
        return switch TextNormalization.field(text).lowercased() {
        case "是", "y", "yes", "1", "true", "有": true
        case "否", "n", "no", "0", "false", "无", "": false
        default: nil
        }
    }

    /// A grade as ``SchoolGrade`` numbers it: 1–12 from `3`, `三年级`, `初一` (7), `高二` (11),
    /// `七年级`; the kindergarten classes from `小班` (-2), `中班` (-1), `大班` (0), also written
    /// `幼儿园小班` or `K1`–`K3`. A bare number is read as grade 1–12 only: `0` in a file is far
    /// more often a slip than 大班.
    public static func grade(_ text: String) -> Int? {
        let text = TextNormalization.field(text)
        if let number = Int(text), (1...12).contains(number) { return number }
        switch text.uppercased() {
        case "小班", "幼儿园小班", "K1": return -2
        case "中班", "幼儿园中班", "K2": return -1
        case "大班", "幼儿园大班", "K3": return 0
        default: break
        }
        let numerals: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        var body = Substring(text)
        // 小学三年级, 初中一年级, 高中二年级: the stage says where the count starts.
        var offset = 0
        for (stage, start) in [("小学", 0), ("初中", 6), ("高中", 9)] where body.hasPrefix(stage) {
            body = body.dropFirst(2)
            offset = start
        }
        if offset > 0 {
            guard body.hasSuffix("年级"), let year = grade(String(body)), year <= 3 else { return nil }
            return offset + year
        }
        if body.hasSuffix("年级") { body = body.dropLast(2) }
        if let number = Int(body), (1...12).contains(number) { return number }
        if body.hasPrefix("初"), body.count == 2, let n = numerals[body.last!], n <= 3 { return 6 + n }
        if body.hasPrefix("高"), body.count == 2, let n = numerals[body.last!], n <= 3 { return 9 + n }
        if body.count == 1, let n = numerals[body.first!] { return n }
        if body == "十" { return 10 }
        if body == "十一" { return 11 }
        if body == "十二" { return 12 }
        return nil
    }

    /// A year and month (入学年月) as `YYYY-MM` from `2020-09`, `2020/9`, `202009`, `2020年9月`,
    /// or a full date whose day is dropped.
    public static func yearMonth(_ text: String) -> String? {
        // Fast path: already `YYYY-MM`, as every stored record and most files have it.
        let utf8 = text.utf8
        if utf8.count == 7 {
            let b = Array(utf8)
            if b[4] == UInt8(ascii: "-"), b.indices.allSatisfy({ $0 == 4 || (b[$0] >= 0x30 && b[$0] <= 0x39) }) {
                let year = b[0..<4].reduce(0) { $0 * 10 + Int($1 - 0x30) }
                let month = Int(b[5] - 0x30) * 10 + Int(b[6] - 0x30)
                return (1950...2200).contains(year) && (1...12).contains(month) ? text : nil
            }
        }
        let text = TextNormalization.field(text)
        if let date = CivilDate(parsing: text) {
            return String(date.description.prefix(7))
        }
        var year: Int?, month: Int?
        if text.count == 6, let value = Int(text) {
            year = value / 100
            month = value % 100
        } else {
            let parts = text.split(whereSeparator: { "-/.年月 ".contains($0) })
            if parts.count == 2 { year = Int(parts[0]); month = Int(parts[1]) }
        }
        guard let year, let month, (1950...2200).contains(year), (1...12).contains(month) else { return nil }
        return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    /// A mobile (`13812345678`) or landline (`0871-1234567`) number, spaces and dashes removed.
    public static func phone(_ text: String) -> String? {
        // Fast path: eleven ASCII digits starting with 1, a mobile number as stored.
        if text.utf8.count == 11, text.utf8.first == UInt8(ascii: "1"), text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return text
        }
        let digits = TextNormalization.field(text).filter { $0 != " " && $0 != "-" }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let isMobile = digits.count == 11 && digits.hasPrefix("1")
        let isLandline = digits.hasPrefix("0") && (10...12).contains(digits.count)
        return isMobile || isLandline ? digits : nil
    }

    /// A person's name: trimmed, middle-dot variants (`•`, `・`, `．`) made `·` (U+00B7), as ethnic
    /// minority names are written; rare characters (CJK extensions) are kept as they are.
    public static func personName(_ text: String) -> String? {
        // Replace the variants before half-width normalisation, which would turn the full-width
        // `．` into an ASCII `.` that no longer reads as a middle dot.
        // One pass over the scalars: this runs for every name of every imported row.
        var name = text
        if text.unicodeScalars.contains(where: isMiddleDotVariant) {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                scalars.append(isMiddleDotVariant(scalar) ? "\u{00B7}" : scalar)
            }
            name = String(scalars)
        }
        name = TextNormalization.field(name)
        guard !name.isEmpty, !name.unicodeScalars.contains(where: isControl)
        else { return nil }
        return name
    }

    /// `•`, `・`, `･`, `∙`, `⋅`, `‧`, `．`: what people type for the middle dot of a name. A switch,
    /// not a set built per call: this runs for every character of every imported name.
    static func isMiddleDotVariant(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2022, 0x30FB, 0xFF65, 0x2219, 0x22C5, 0x2027, 0xFF0E: true
        default: false
        }
    }

    /// A control character (general category Cc: U+0000–U+001F, U+007F–U+009F), tested by range
    /// rather than through the Unicode property tables, for the same reason.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
