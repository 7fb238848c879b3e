import BaoxueContracts

/// A figure entered for the yearly summary: `PUT /api/v1/reports/inputs/{year}/{key}`,
/// `baoxue report inputs set`. The key must be one of ``ReportInputKey`` (else 400); a number is
/// a non-negative decimal (full-width digits and thousands separators read), the county's name a
/// short text. A value the document's schema admits but the key does not (`很多` for a count) is
/// the rule's refusal, `report.inputInvalid` (422).
struct ReportInputForm: Equatable {
    var year: String?
    var key: String?
    var value: String?
    var note: String?

    func checked() throws(ServiceError) -> (year: Int, key: ReportInputKey, value: String, note: String?) {
        let year = try FormField.year(year, required: true)!
        let key = try Self.key(key)
        guard let raw = value.map(TextNormalization.field), !raw.isEmpty else {
            throw ServiceError(.reportInputInvalid, "缺少数值value (value is required)", problems: [FieldProblem(field: "value", reason: "required")])
        }
        let value: String
        if key.unit == nil {
            guard raw.count <= 40 else {
                throw ServiceError(.reportInputInvalid, "名称过长（最多40字）(the name is too long: at most 40 characters)", problems: [FieldProblem(field: "value", reason: "at most 40 characters")])
            }
            value = raw
        } else {
            value = try Self.number(raw)
        }
        let note = note.map(TextNormalization.field).flatMap { $0.isEmpty ? nil : $0 }
        if let note, note.count > 200 {
            throw ServiceError(.requestInvalid, "备注过长（最多200字）(the note is too long: at most 200 characters)", problems: [FieldProblem(field: "note", reason: "at most 200 characters")])
        }
        return (year, key, value, note)
    }

    static func key(_ text: String?) throws(ServiceError) -> ReportInputKey {
        let text = text.map(TextNormalization.field) ?? ""
        guard let key = ReportInputKey(rawValue: text) ?? ReportInputKey.allCases.first(where: { $0.chinese == text }) else {
            throw ServiceError(.requestInvalid, "未知的项目“\(text)”，可用：\(ReportInputKey.allCases.map(\.rawValue).joined(separator: ", ")) (unknown key \"\(text)\"; the keys are listed in docs/reports.md)", problems: [FieldProblem(field: "key", reason: ReportInputKey.allCases.map(\.rawValue).joined(separator: "|"))])
        }
        return key
    }

    /// `1,234.5` → `1234.5`: digits with at most one point and four decimals, no sign.
    static func number(_ text: String) throws(ServiceError) -> String {
        let plain = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
        let parts = plain.split(separator: ".", omittingEmptySubsequences: false)
        let digits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }
        guard plain.utf8.count <= 20, (parts.count == 1 && digits(parts[0])) || (parts.count == 2 && digits(parts[0]) && digits(parts[1]) && parts[1].count <= 4) else {
            throw ServiceError(.reportInputInvalid, "数值“\(text)”应为不带单位的非负数，如 1.2 或 350 (the value \"\(text)\" must be a non-negative number without its unit, e.g. 1.2 or 350)", problems: [FieldProblem(field: "value", reason: "a non-negative number")])
        }
        var whole = String(parts[0].drop { $0 == "0" })
        if whole.isEmpty { whole = "0" }
        return parts.count == 2 ? "\(whole).\(parts[1])" : whole
    }
}
