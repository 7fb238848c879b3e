import BaoxueContracts

/// The township and school filters of a report (the monthly ledger report, target lists and
/// scores): checked for form first, so a malformed code is refused rather than matched against
/// nothing, then narrowed to the actor's scope as lists are.
enum ReportFilter {
    /// The filters as the actor may use them.
    /// - Parameter code: the error code of the report that is asked for (`report.invalid`,
    ///   `target.invalid`), so a bad filter is refused in that report's words.
    /// - Throws: `code` naming each malformed field; `scope.forbidden` outside the actor's scope.
    static func narrow(_ actor: Actor, township: String?, school: String?, code: ErrorCode) throws -> (township: String?, school: String?) {
        var problems: [FieldProblem] = []
        if let township, !isCode(township, digits: 9) {
            problems.append(FieldProblem(field: "township", reason: "乡镇代码应为9位数字 (a township code is 9 digits)"))
        }
        if let school, !isCode(school, digits: 10) {
            problems.append(FieldProblem(field: "school", reason: "学校标识码应为10位数字 (a school code is 10 digits)"))
        }
        if !problems.isEmpty {
            throw ServiceError(code, "筛选条件有误：\(problems.map { BilingualText.chinese($0.reason) }.joined(separator: "；")) (invalid filter: \(problems.map { BilingualText.english($0.reason) }.joined(separator: "; ")))", problems: problems)
        }
        return try AccessScope(actor).narrow(township: township, school: school)
    }

    /// A report's year: 2000–2100, refused in the words of the report asked for (`code`).
    static func checkYear(_ year: Int, code: ErrorCode) throws {
        guard (2000...2100).contains(year) else {
            throw ServiceError(code, "年度应为2000–2100 (year must be 2000–2100)", problems: [FieldProblem(field: "year", reason: "2000–2100")])
        }
    }

    /// Exactly `digits` ASCII digits, as the registry stores codes.
    static func isCode(_ text: String, digits: Int) -> Bool {
        text.utf8.count == digits && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }
}
