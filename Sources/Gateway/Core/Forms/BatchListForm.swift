import BaoxueContracts

/// Which disbursement batches to list (`GET /api/v1/subsidy/batches`, `baoxue subsidy batches`).
struct BatchListForm: Equatable {
    var term: String?
    var program: String?
    var limit: String?

    func query() throws(ServiceError) -> BatchQuery {
        BatchQuery(term: try FormField.term(term, required: false), program: try FormField.program(program, required: false), limit: try FormField.limit(limit, default: 100))
    }
}

extension BatchListForm {
    init(query parameter: (String) -> String?) {
        self.init(term: parameter("term"), program: parameter("program"), limit: parameter("limit"))
    }
}
