import BaoxueContracts

/// A case closed (销号) with its outcome, and proof where the outcome needs one.
struct CloseCaseForm: JSONForm, Equatable {
    var outcome: String
    var date: String?
    var proof: String?

    static let fields: Set<String> = ["outcome", "date", "proof"]

    func request(id: Int64) throws(ServiceError) -> CloseCaseRequest {
        guard let value: CaseOutcome = try FormField.choice(outcome, "outcome") else { throw FormField.unknown("outcome", outcome, CaseOutcome.choices) }
        return CloseCaseRequest(id: id, outcome: value, date: try FormField.date(date, "date"), proof: proof)
    }
}
