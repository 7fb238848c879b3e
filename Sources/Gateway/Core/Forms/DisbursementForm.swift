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
            date: try batchDate(), dryRun: dryRun ?? false)
    }

    /// A date that is no date (or one outside 1900–2200) is refused as a batch date outside the
    /// term is: 422 `subsidy.badDate`, as the document's `format: date` already admits it.
    func batchDate() throws(ServiceError) -> CivilDate? {
        guard let date else { return nil }
        guard let parsed = CivilDate(parsing: date) else {
            throw ServiceError(.subsidyBadDate, "批次日期“\(date)”不是有效日期 (the batch date “\(date)” is not a date, expected YYYY-MM-DD)", problems: [FieldProblem(field: "date", reason: "YYYY-MM-DD within the term")])
        }
        return parsed
    }
}
