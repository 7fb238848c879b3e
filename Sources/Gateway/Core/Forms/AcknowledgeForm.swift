import BaoxueContracts

/// An alert acknowledged (签收), with an optional note.
struct AcknowledgeForm: JSONForm, Equatable {
    var note: String?

    static let fields: Set<String> = ["note"]

    func request(id: Int64) -> AlertAcknowledgement {
        AlertAcknowledgement(id: id, note: note)
    }
}
