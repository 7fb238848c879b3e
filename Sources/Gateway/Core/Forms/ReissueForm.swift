import BaoxueContracts

/// A failed payment paid again once corrected (`POST /api/v1/subsidy/payments/{id}/reissue`,
/// `baoxue subsidy reissue`): what was corrected is required, so the ledger says why.
struct ReissueForm: JSONForm, Equatable {
    var note: String?

    static let fields: Set<String> = ["note"]

    func request(id: Int64) throws(ServiceError) -> PaymentReissue {
        let note = TextNormalization.field(note ?? "")
        guard !note.isEmpty, note.count <= 200 else {
            throw ServiceError(.requestInvalid, "note必填，最多200字：写明更正了什么，如“已更正银行卡号” (note is required, at most 200 characters: say what was corrected)", problems: [FieldProblem(field: "note", reason: "required, at most 200 characters")])
        }
        return PaymentReissue(id: id, note: note)
    }
}
