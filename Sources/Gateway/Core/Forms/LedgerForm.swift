import BaoxueContracts

/// Which ledger to export, for which township (or the county code) or school.
struct LedgerForm: Equatable {
    var kind: LedgerKind
    var township: String?
    var school: String?

    func request() throws(ServiceError) -> LedgerRequest {
        LedgerRequest(kind: kind, township: try FormField.code(township, "township", digits: [6, 9]), school: try FormField.code(school, "school", digits: 10))
    }
}
