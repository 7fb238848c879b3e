import BaoxueContracts

/// What a family roster upload says besides its rows (`POST /api/v1/subsidy/rosters?source=&listedOn=`,
/// `baoxue subsidy import FILE --source S --listed-on D`): whose lists it is and the date it
/// describes. A family missing from it leaves the list on that date.
struct RosterUploadForm: Equatable {
    var source: String?
    var listedOn: String?

    func start(fileName: String?) throws(ServiceError) -> FamilyRosterStart {
        guard let source: RosterSource = try FormField.choice(source ?? "", "source") else { throw FormField.unknown("source", "", RosterSource.choices) }
        guard let listedOn = try FormField.date(listedOn, "listedOn") else {
            throw ServiceError(.requestInvalid, "缺少listedOn（名单导出日期）(listedOn, the date the list was exported, is required)", problems: [FieldProblem(field: "listedOn", reason: "required, YYYY-MM-DD")])
        }
        return FamilyRosterStart(source: source, listedOn: listedOn, fileName: fileName)
    }
}

extension RosterUploadForm {
    init(query parameter: (String) -> String?) {
        self.init(source: parameter("source"), listedOn: parameter("listedOn"))
    }
}
