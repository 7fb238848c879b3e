import BaoxueContracts

/// A case's plan (一生一策): causes and measures, by code or Chinese label.
struct PlanCaseForm: JSONForm, Equatable {
    var causes: [String]?
    var measures: [String]?
    var note: String?

    static let fields: Set<String> = ["causes", "measures", "note"]

    func request(id: Int64) throws(ServiceError) -> PlanCaseRequest {
        PlanCaseRequest(
            id: id, causes: try FormField.choices(causes, "causes", maximum: DropoutCause.allCases.count),
            measures: try FormField.choices(measures, "measures", maximum: CaseMeasure.allCases.count), note: note)
    }
}
