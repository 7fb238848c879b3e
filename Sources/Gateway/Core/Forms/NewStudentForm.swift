import BaoxueContracts

/// One child registered by hand (`POST /api/v1/students`, `baoxue student add`): the roster's
/// fields as typed, checked by the same rules as an imported row.
struct NewStudentForm: Equatable {
    var fields: [StudentField: String]
    var documents: [String] = []
    var date: String?
    /// 县外转入: `true`, `是`; absent or `false` for a first enrolment.
    var fromOutsideCounty: String?

    func request() throws(ServiceError) -> AddStudentRequest {
        let record: StudentRecord
        switch StudentRecord.parse(fields) {
        case .success(let parsed): record = parsed
        case .failure(let problems): throw ServiceError(.studentInvalid, "学生信息有误 (the student record is invalid)", problems: problems.problems)
        }
        var arrival = false
        if let text = fromOutsideCounty {
            guard let flag = FieldParsing.flag(text) else {
                throw ServiceError(.requestInvalid, "fromOutsideCounty应为true或false (fromOutsideCounty must be true or false)", problems: [FieldProblem(field: "fromOutsideCounty", reason: "true or false")])
            }
            arrival = flag
        }
        return AddStudentRequest(record: record, documents: documents, date: try FormField.date(date.flatMap { $0.isEmpty ? nil : $0 }, "date"), fromOutsideCounty: arrival)
    }
}
