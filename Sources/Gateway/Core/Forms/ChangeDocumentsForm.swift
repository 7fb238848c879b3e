import BaoxueContracts

/// Documents handed in after a change (`POST /api/v1/changes/{id}/documents`, `baoxue student
/// documents ID --documents …`).
struct ChangeDocumentsForm: JSONForm, Equatable {
    var documents: [String]

    static let fields: Set<String> = ["documents"]

    func request(change: Int64) -> ChangeDocumentsRequest {
        ChangeDocumentsRequest(change: change, documents: documents.map(TextNormalization.field).filter { !$0.isEmpty })
    }
}
