import BaoxueContracts

/// One child registered by hand (`POST /api/v1/students`, `baoxue student add`): the roster's
/// fields as typed, checked by the same rules as an imported row.
struct NewStudentForm: Equatable {
    var fields: [StudentField: String]
    var documents: [String] = []
    var date: String?

    func request() throws(ServiceError) -> AddStudentRequest {
        let record: StudentRecord
        switch StudentRecord.parse(fields) {
        case .success(let parsed): record = parsed
        case .failure(let problems): throw ServiceError(.studentInvalid, "学生信息有误 (the student record is invalid)", problems: problems.problems)
        }
        return AddStudentRequest(record: record, documents: documents, date: try FormField.date(date.flatMap { $0.isEmpty ? nil : $0 }, "date"))
    }
}
