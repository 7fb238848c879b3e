import BaoxueContracts

/// The two responsible people of a case (双线控辍): either may be given alone to replace it.
struct AssignCaseForm: JSONForm, Equatable {
    var townshipOfficial: String?
    var schoolTeacher: String?

    static let fields: Set<String> = ["townshipOfficial", "schoolTeacher"]

    func request(id: Int64) throws(ServiceError) -> AssignCaseRequest {
        for (field, value) in [("townshipOfficial", townshipOfficial), ("schoolTeacher", schoolTeacher)] where value?.isEmpty == true {
            throw ServiceError(.requestInvalid, "\(field)不能为空 (\(field) cannot be empty; leave it out to keep the current one)", problems: [FieldProblem(field: field, reason: "not empty")])
        }
        return AssignCaseRequest(id: id, townshipOfficial: townshipOfficial, schoolTeacher: schoolTeacher)
    }
}
