import BaoxueContracts

/// How each kind of field a person types is read, and what is said when it is wrong: one place
/// for both faces, so the CLI and HTTP accept and refuse the same things with the same words.
/// Every refusal is `request.invalid` (HTTP 400, exit 2) naming the field.
public enum FormField {
    /// Absent means the default; anything else must be a date (`YYYY-MM-DD`, or as the registry
    /// reads dates: `20140901`, `2014/9/1`).
    public static func date(_ text: String?, _ field: String) throws(ServiceError) -> CivilDate? {
        guard let text else { return nil }
        guard let date = CivilDate(parsing: text) else {
            throw ServiceError(.requestInvalid, "\(field)不是有效日期 (\(field) is not a date, expected YYYY-MM-DD)", problems: [FieldProblem(field: field, reason: "expected YYYY-MM-DD")])
        }
        return date
    }

    /// One of a closed set, by code or Chinese label; absent means none, and an empty value is
    /// refused like any other it does not know (a malformed filter never matches everything).
    public static func choice<Value: FormChoice>(_ text: String?, _ field: String) throws(ServiceError) -> Value? {
        guard let text else { return nil }
        guard let value = Value(typed: text) else { throw unknown(field, text, Value.choices) }
        return value
    }

    /// The service whose alerts a person means; the monitor's when not given. Only services that
    /// raise alerts (``ServiceName/alerting``) are accepted.
    public static func alertingService(_ text: String?) throws(ServiceError) -> ServiceName {
        guard let service: ServiceName = try choice(text, "service") else { return .monitor }
        guard ServiceName.alerting.contains(service) else {
            throw unknown("service", text ?? "", ServiceName.alerting.map(\.rawValue).joined(separator: ", "))
        }
        return service
    }

    /// Several of a closed set; more than `maximum` (there are only so many causes or measures) is
    /// refused.
    public static func choices<Value: FormChoice>(_ texts: [String]?, _ field: String, maximum: Int) throws(ServiceError) -> [Value] {
        let texts = texts ?? []
        guard texts.count <= maximum else {
            throw ServiceError(.requestInvalid, "\(field)最多\(maximum)项 (\(field): at most \(maximum))", problems: [FieldProblem(field: field, reason: "at most \(maximum)")])
        }
        var values: [Value] = []
        for text in texts {
            guard let value = Value(typed: text) else { throw unknown(field, text, Value.choices) }
            values.append(value)
        }
        return values
    }

    /// A township (9 digits) or school (10 digits) code; absent or empty means no filter, and
    /// anything else is refused rather than matching nothing. Full-width digits and spaces are
    /// read as the registry reads them.
    public static func code(_ text: String?, _ field: String, digits: Int) throws(ServiceError) -> String? {
        try code(text, field, digits: [digits])
    }

    /// A code of one of several lengths: a township filter that may also be the 6-digit county
    /// code, where suspects whose household is registered at county level are routed.
    public static func code(_ text: String?, _ field: String, digits: Set<Int>) throws(ServiceError) -> String? {
        guard let text else { return nil }
        let normalized = TextNormalization.field(text)
        guard !normalized.isEmpty else { return nil }
        guard digits.contains(normalized.utf8.count), normalized.utf8.allSatisfy({ (48...57).contains($0) }) else {
            let lengths = digits.sorted().map(String.init)
            throw ServiceError(.requestInvalid, "\(field)应为\(lengths.joined(separator: "或"))位数字代码 (\(field) must be a \(lengths.joined(separator: " or "))-digit code)", problems: [FieldProblem(field: field, reason: "\(lengths.joined(separator: " or ")) digits")])
        }
        return normalized
    }

    /// A page size: 1–1000, or `fallback` when absent; anything else is refused, never clamped.
    public static func limit(_ value: Int?, default fallback: Int) throws(ServiceError) -> Int {
        guard let value else { return fallback }
        guard (1...1_000).contains(value) else {
            throw ServiceError(.requestInvalid, "limit应为1–1000 (limit must be 1–1000)", problems: [FieldProblem(field: "limit", reason: "1–1000")])
        }
        return value
    }

    /// A page size as typed in a query string.
    public static func limit(_ text: String?, default fallback: Int) throws(ServiceError) -> Int {
        guard let text else { return fallback }
        guard let value = Int(text) else { return try limit(0, default: fallback) }
        return try limit(value, default: fallback)
    }

    /// `true` or `false`; absent or empty means `fallback`.
    public static func flag(_ text: String?, _ field: String, default fallback: Bool = false) throws(ServiceError) -> Bool {
        guard let text, !text.isEmpty else { return fallback }
        guard let value = Bool(text) else {
            throw ServiceError(.requestInvalid, "\(field)应为true或false (\(field) must be true or false)", problems: [FieldProblem(field: field, reason: "true or false")])
        }
        return value
    }

    /// A year, four digits, 2000–2100; `required` refuses an absent one.
    public static func year(_ text: String?, required: Bool) throws(ServiceError) -> Int? {
        guard let text else {
            guard !required else {
                throw ServiceError(.requestInvalid, "缺少参数year（年度，如2026）(parameter year is required, e.g. 2026)", problems: [FieldProblem(field: "year", reason: "required")])
            }
            return nil
        }
        guard text.utf8.count == 4, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = Int(text), (2000...2100).contains(value) else {
            throw ServiceError(.requestInvalid, "year应为2000–2100的年份 (year must be a year from 2000 to 2100)", problems: [FieldProblem(field: "year", reason: "2000–2100")])
        }
        return value
    }

    /// A month, `YYYY-MM`, 2000-01 to 2100-12.
    public static func month(_ text: String?) throws(ServiceError) -> CivilMonth {
        let text = text ?? ""
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == 0x2D, bytes.enumerated().allSatisfy({ $0.offset == 4 || (0x30...0x39).contains($0.element) }),
            let month = CivilMonth(parsing: text), (2000...2100).contains(month.year)
        else {
            throw ServiceError(.requestInvalid, "month应为YYYY-MM，如2026-10 (month must be YYYY-MM, e.g. 2026-10)", problems: [FieldProblem(field: "month", reason: "YYYY-MM")])
        }
        return month
    }

    /// A percentage as people write it: `96`, `99.5`, `100%`.
    public static func percent(_ text: String?, _ field: String) throws(ServiceError) -> Double? {
        guard let text else { return nil }
        let trimmed = TextNormalization.field(text)
        guard let value = Double(trimmed.hasSuffix("%") ? String(trimmed.dropLast()) : trimmed), value.isFinite else {
            throw ServiceError(.requestInvalid, "\(field)应为百分数，如96或99.5 (\(field) must be a percentage such as 96 or 99.5)", problems: [FieldProblem(field: field, reason: "a percentage")])
        }
        return value
    }

    /// A record id (an alert, a case, a suspect): a positive whole number.
    public static func recordID(_ text: String, _ field: String = "id") throws(ServiceError) -> Int64 {
        guard text.utf8.count <= 18, let id = Int64(text), id > 0 else {
            throw ServiceError(.requestInvalid, "\(field)应为正整数 (\(field) must be a positive whole number)", problems: [FieldProblem(field: field, reason: "a positive whole number")])
        }
        return id
    }

    /// Values typed as one comma-separated text (`--documents 转学申请,接收证明`), with the
    /// full-width and enumeration commas Chinese text uses.
    public static func list(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map { TextNormalization.field(String($0)) }.filter { !$0.isEmpty }
    }

    static func unknown(_ field: String, _ text: String, _ accepted: String) -> ServiceError {
        ServiceError(.requestInvalid, "\(field)不认识“\(text)” (\(field): unknown “\(text)”; one of \(accepted))", problems: [FieldProblem(field: field, reason: "one of \(accepted)")])
    }
}
