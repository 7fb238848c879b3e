import BaoxueContracts

/// The fields only student aid has: a term as people write it.
extension FormField {
    /// `2026秋`, `2027春`, `2026-autumn`; `required` refuses an absent one. A term that is no term
    /// is `request.invalid` naming the field, as on both faces.
    public static func term(_ text: String?, _ field: String = "term", required: Bool) throws(ServiceError) -> Term? {
        guard let text, !text.isEmpty else {
            guard !required else {
                throw ServiceError(.requestInvalid, "缺少\(field)（学期，如2026秋或2026-autumn）(\(field) is required, e.g. 2026秋 or 2026-autumn)", problems: [FieldProblem(field: field, reason: "required")])
            }
            return nil
        }
        guard let term = Term(parsing: text) else {
            throw ServiceError(.requestInvalid, "\(field)不认识“\(text)”，应如2026秋、2027春或2026-autumn (\(field): “\(text)” is not a term such as 2026秋, 2027春 or 2026-autumn)", problems: [FieldProblem(field: field, reason: "a term: 2026秋, 2027春, 2026-autumn")])
        }
        return term
    }

    /// A program id as the configuration spells it: short lowercase words and hyphens. Whether the
    /// county runs it is the subsidy service's answer (`subsidy.unknownProgram`).
    public static func program(_ text: String?, required: Bool) throws(ServiceError) -> String? {
        guard let text, !text.isEmpty else {
            guard !required else {
                throw ServiceError(.requestInvalid, "缺少program（资助项目编号，见 baoxue subsidy programs）(program is required; see baoxue subsidy programs)", problems: [FieldProblem(field: "program", reason: "required")])
            }
            return nil
        }
        let normalized = TextNormalization.field(text)
        guard normalized.count <= 40, normalized.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw ServiceError(.requestInvalid, "program应为项目编号，如compulsory-primary-boarder (program must be a program id such as compulsory-primary-boarder)", problems: [FieldProblem(field: "program", reason: "a program id")])
        }
        return normalized
    }
}
