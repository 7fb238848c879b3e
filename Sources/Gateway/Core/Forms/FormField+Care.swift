import BaoxueContracts

extension FormField {
    /// A phone (mobile or landline, spaces and dashes removed); absent or empty means none.
    public static func phone(_ text: String?, _ field: String) throws(ServiceError) -> String? {
        guard let text, !TextNormalization.field(text).isEmpty else { return nil }
        guard let phone = FieldParsing.phone(text) else {
            throw ServiceError(.requestInvalid, "\(field)不是有效电话号码 (\(field) is not a phone number)", problems: [FieldProblem(field: field, reason: "a mobile or landline number")])
        }
        return phone
    }

    /// A field the form cannot go without.
    static func required(_ field: String) -> ServiceError {
        ServiceError(.requestInvalid, "缺少\(field) (\(field) is required)", problems: [FieldProblem(field: field, reason: "required")])
    }

    /// A number that must be positive.
    static func positive(_ field: String) -> ServiceError {
        ServiceError(.requestInvalid, "\(field)应为正整数 (\(field) must be a positive whole number)", problems: [FieldProblem(field: field, reason: "a positive whole number")])
    }
}
