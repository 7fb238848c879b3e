/// One person on a family roster: who by ID number, on which list, in which household and
/// township. Rows are matched to registered children by ID number; a row that matches no child is
/// kept and listed (an adult of the household, or a child the schools do not know).
public struct FamilyRosterRow: Codable, Sendable, Equatable {
    public var idNumber: IDNumber
    public var name: String
    public var category: FamilyCategory
    public var householder: String?
    /// The 9-digit township code (the first 9 digits of a 12-digit village code), or the 6-digit
    /// county code for a household registered at county level.
    public var township: String
    /// The 类别 cell as written when it says more than the category (`视力残疾二级`).
    public var detail: String?

    public init(idNumber: IDNumber, name: String, category: FamilyCategory, householder: String? = nil, township: String, detail: String? = nil) {
        self.idNumber = idNumber
        self.name = name
        self.category = category
        self.householder = householder
        self.township = township
        self.detail = detail
    }

    /// Reads one row of `source`'s roster: every problem of the row with its column. The 类别
    /// must be one of the source's lists; left empty (or without the column) it is the source's
    /// only list, where it has one.
    public static func parse(_ fields: [FamilyRosterField: String], source: RosterSource) -> Result<FamilyRosterRow, RecordProblems> {
        var problems: [FieldProblem] = []
        func text(_ field: FamilyRosterField) -> String { TextNormalization.field(fields[field] ?? "") }
        func problem(_ field: FamilyRosterField, _ reason: String) { problems.append(FieldProblem(field: field.header, reason: reason)) }
        for field in FamilyRosterField.allCases where text(field).isLonger(than: field.maxLength) {
            problem(field, "超过\(field.maxLength)个字符 (longer than \(field.maxLength) characters)")
        }
        var idNumber: IDNumber?
        do { idNumber = try IDNumber(validating: text(.idNumber)) } catch {
            problem(.idNumber, text(.idNumber).isEmpty ? "必填：名单按身份证件号与学生比对 (required: the roster is matched to students by ID number)" : error.message)
        }
        let name = FieldParsing.personName(fields[.name] ?? "")
        if name == nil { problem(.name, "必填 (required)") }
        var category: FamilyCategory?
        var detail: String?
        let written = text(.category)
        if written.isEmpty {
            category = source.soleCategory
            if category == nil {
                problem(.category, "必填：\(source.chinese)的名单须写明类别（\(source.categories.map(\.chinese).joined(separator: "、"))）(required: say which of \(source.english)'s lists)")
            }
        } else if let read = FamilyCategory(label: written) {
            if read.source == source || source == .disability {
                // The disability federation's 类别 is the kind of disability: every row is 残疾.
                category = source == .disability ? .disability : read
                if written != category?.chinese { detail = written }
            } else {
                problem(.category, "“\(written)”是\(read.source.chinese)的名单，不属于\(source.chinese) (“\(written)” is on \(read.source.english)'s lists, not \(source.english)'s)")
            }
        } else if source == .disability {
            category = .disability
            detail = written
        } else {
            problem(.category, "不认识类别“\(written)”，应为\(source.categories.map(\.chinese).joined(separator: "、")) (unknown category; one of \(source.categories.map(\.english).joined(separator: ", ")))")
        }
        let township = text(.township)
        let digits = township.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        if !digits || ![6, 9, 12].contains(township.utf8.count) {
            problem(.township, "乡镇区划代码应为9位（或12位村级、6位县级）数字，实为“\(township)” (township code must be 9 digits, or a 12-digit village or 6-digit county code)")
        }
        let householder = text(.householder).isEmpty ? nil : FieldParsing.personName(fields[.householder] ?? "")
        guard problems.isEmpty, let idNumber, let name, let category else { return .failure(RecordProblems(problems)) }
        return .success(FamilyRosterRow(
            idNumber: idNumber, name: name, category: category, householder: householder,
            township: township.utf8.count == 12 ? String(township.prefix(9)) : township, detail: detail))
    }

    /// What is wrong with a row that did not come through ``parse(_:source:)`` (a client that
    /// skipped the gateway's checks): the subsidy service refuses it rather than store it.
    public func consistencyProblems(source: RosterSource) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if name.isEmpty || name.isLonger(than: FamilyRosterField.name.maxLength) || name.unicodeScalars.contains(where: FieldParsing.isControl) {
            problems.append(FieldProblem(field: FamilyRosterField.name.header, reason: "必填，最多50字 (required, at most 50 characters)"))
        }
        if category.source != source {
            problems.append(FieldProblem(field: FamilyRosterField.category.header, reason: "不属于\(source.chinese)的名单 (not one of \(source.english)'s lists)"))
        }
        if ![6, 9].contains(township.utf8.count) || !township.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            problems.append(FieldProblem(field: FamilyRosterField.township.header, reason: "应为9位乡镇或6位县级代码 (a 9-digit township or 6-digit county code)"))
        }
        if let householder, householder.isLonger(than: FamilyRosterField.householder.maxLength) {
            problems.append(FieldProblem(field: FamilyRosterField.householder.header, reason: "最多50字 (at most 50 characters)"))
        }
        if let detail, detail.isLonger(than: FamilyRosterField.category.maxLength) {
            problems.append(FieldProblem(field: FamilyRosterField.category.header, reason: "最多30字 (at most 30 characters)"))
        }
        return problems
    }
}
