import BaoxueContracts

/// Which month of the dropout ledger to report (台账月报), and for which township.
struct LedgerReportForm: Equatable {
    var month: String?
    var township: String?

    func query() throws(ServiceError) -> LedgerReportQuery {
        LedgerReportQuery(month: try FormField.month(month), township: try FormField.code(township, "township", digits: 9))
    }
}

extension LedgerReportForm {
    /// The form as a query string gives it (`?month=&township=`).
    init(query parameter: (String) -> String?) {
        self.init(month: parameter("month"), township: parameter("township"))
    }
}
