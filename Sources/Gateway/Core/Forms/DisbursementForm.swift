import BaoxueContracts

/// A disbursement batch as a person asks for it (`POST /api/v1/subsidy/batches`,
/// `baoxue subsidy disburse`).
struct DisbursementForm: JSONForm, Equatable {
    var term: String?
    var program: String?
    var township: String?
    var school: String?
    var date: String?
    var dryRun: Bool?

    static let fields: Set<String> = ["term", "program", "township", "school", "date", "dryRun"]

    func request() throws(ServiceError) -> DisbursementRequest {
        DisbursementRequest(
            term: try FormField.term(term, required: true)!, program: try FormField.program(program, required: true)!,
            township: try FormField.code(township, "township", digits: 9), school: try FormField.code(school, "school", digits: 10),
            date: try FormField.date(date, "date"), dryRun: dryRun ?? false)
    }
}
