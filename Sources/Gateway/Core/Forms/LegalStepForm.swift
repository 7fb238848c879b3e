import BaoxueContracts

/// One step of the legal ladder (依法控辍) on a case.
struct LegalStepForm: JSONForm, Equatable {
    var step: String
    var date: String?
    var note: String?

    static let fields: Set<String> = ["step", "date", "note"]

    func request(id: Int64, today: CivilDate) throws(ServiceError) -> LegalStepRequest {
        guard let value: LegalStep = try FormField.choice(step, "step") else { throw FormField.unknown("step", step, LegalStep.choices) }
        return LegalStepRequest(id: id, step: value, date: try FormField.date(date, "date") ?? today, note: note)
    }
}
