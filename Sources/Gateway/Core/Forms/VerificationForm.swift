import BaoxueContracts

/// What checking on a suspect found (`POST /api/v1/crosscheck/{id}/verify`, `baoxue crosscheck
/// verify`): a ``SuspectCategory`` by code or Chinese label.
struct VerificationForm: JSONForm, Equatable {
    var category: String
    var proof: String?
    var note: String?

    static let fields: Set<String> = ["category", "proof", "note"]

    func request(id: Int64) throws(ServiceError) -> SuspectVerification {
        guard let category: SuspectCategory = try FormField.choice(category, "category") else { throw FormField.unknown("category", category, SuspectCategory.choices) }
        return SuspectVerification(id: id, category: category, proof: proof, note: note)
    }
}
