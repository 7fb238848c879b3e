/// The JSON body of `POST /api/v1/crosscheck/{id}/verify`.
struct VerificationForm: Decodable {
    /// A ``SuspectCategory`` code or its Chinese label.
    var category: String
    var proof: String?
    var note: String?

    static let fields: Set<String> = ["category", "proof", "note"]
}
