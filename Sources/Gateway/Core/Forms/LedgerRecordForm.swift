import BaoxueContracts

/// A child's family situation as a person types it (`POST /api/v1/care/ledger`,
/// `baoxue care ledger record`): the ledger's own columns, read by the same parser as an imported
/// row (``LedgerEntryRequest/parse(_:)``), so the form and the file accept the same spellings.
/// Over HTTP the fields are the columns' codes (`fatherSituation`, `guardianRelation`, …) and
/// `student`.
struct LedgerRecordForm: Equatable {
    var student: String
    var fields: [LedgerField: String]

    /// The JSON fields a body may carry: `student` and every column but the child's identity.
    static let bodyFields: Set<String> = Set(LedgerField.allCases.filter { ![.name, .idNumber, .studentNumber].contains($0) }.map(\.rawValue)).union(["student"])

    /// Each field's form is checked first (`request.invalid`, HTTP 400, exit 2: a closed set, a
    /// date, a phone, a number, a length); then the rules between fields and the ID number's
    /// check character (`care.invalid`, 422, exit 1: a parent away needs a place), as the care
    /// service would refuse them.
    func request() throws(ServiceError) -> LedgerEntryRequest {
        let student = TextNormalization.field(self.student)
        guard (1...64).contains(student.count) else { throw FormField.required("student") }
        for field in [LedgerField.fatherSituation, .motherSituation] {
            guard let _: ParentSituation = try FormField.choice(fields[field], field.rawValue) else { throw FormField.required(field.rawValue) }
        }
        guard let _: GuardianRelation = try FormField.choice(fields[.guardianRelation], LedgerField.guardianRelation.rawValue) else { throw FormField.required(LedgerField.guardianRelation.rawValue) }
        guard !TextNormalization.field(fields[.guardianName] ?? "").isEmpty else { throw FormField.required(LedgerField.guardianName.rawValue) }
        if let health = fields[.guardianHealth], !health.isEmpty { let _: GuardianHealth? = try FormField.choice(health, LedgerField.guardianHealth.rawValue) }
        if let age = fields[.guardianAge], !age.isEmpty {
            guard let value = Int(TextNormalization.field(age).filter { $0 != "岁" }), (10...120).contains(value) else {
                throw ServiceError(.requestInvalid, "guardianAge应为10–120 (guardianAge must be 10–120)", problems: [FieldProblem(field: "guardianAge", reason: "10–120")])
            }
        }
        for field in [LedgerField.fatherPhone, .motherPhone, .guardianPhone, .directorPhone, .supervisorPhone] { _ = try FormField.phone(fields[field], field.rawValue) }
        _ = try FormField.date(fields[.enteredOn].flatMap { $0.isEmpty ? nil : $0 }, LedgerField.enteredOn.rawValue)
        for (field, text) in fields where text.isLonger(than: field.maxLength) {
            throw ServiceError(.requestInvalid, "\(field.rawValue)超过\(field.maxLength)个字符 (\(field.rawValue): at most \(field.maxLength) characters)", problems: [FieldProblem(field: field.rawValue, reason: "at most \(field.maxLength) characters")])
        }
        var fields = self.fields
        fields[.idNumber] = student
        fields[.studentNumber] = nil
        switch LedgerEntryRequest.parse(fields) {
        case .success(let request):
            return request
        case .failure(let failure):
            // Problems name the column as a file would; a form names its field.
            let problems = failure.problems.map { problem in
                FieldProblem(field: LedgerField(header: problem.field).map { $0 == .idNumber ? "student" : $0.rawValue } ?? problem.field, reason: problem.reason)
            }
            throw ServiceError(.careInvalid, "台账信息有误，见各项问题 (the ledger record has problems: see each)", problems: problems)
        }
    }
}

extension LedgerRecordForm {
    /// The form as a JSON body gives it (values read as text, as `POST /students` reads them).
    init(body: [String: FormValue]) {
        var fields: [LedgerField: String] = [:]
        for (key, value) in body { if let field = LedgerField(rawValue: key) { fields[field] = value.text } }
        self.init(student: body["student"]?.text ?? "", fields: fields)
    }
}
