/// The subsidy service's codes: programs and terms, rosters, batches, payments and the bank's
/// results.
extension ErrorCode {
    /// A program id the configuration does not define.
    public static let subsidyUnknownProgram = ErrorCode("subsidy.unknownProgram", .refused)
    /// A batch date in the future or outside the term.
    public static let subsidyBadDate = ErrorCode("subsidy.badDate", .refused)
    /// A request whose fields break a rule (a note too long, a row that contradicts itself).
    public static let subsidyInvalid = ErrorCode("subsidy.invalid", .refused)

    public static let subsidyRosterNotFound = ErrorCode("subsidy.rosterNotFound", .notFound)
    /// Rows or a finish for an import that has already been applied.
    public static let subsidyRosterApplied = ErrorCode("subsidy.rosterApplied", .conflict)
    /// A roster dated before the last one applied from the same source.
    public static let subsidyRosterOutOfOrder = ErrorCode("subsidy.rosterOutOfOrder", .conflict)

    public static let subsidyBatchNotFound = ErrorCode("subsidy.batchNotFound", .notFound)
    public static let subsidyPaymentNotFound = ErrorCode("subsidy.paymentNotFound", .notFound)
    /// A reissue of a payment that has not failed, or that was already reissued.
    public static let subsidyNotReissuable = ErrorCode("subsidy.notReissuable", .conflict)
    /// A second live payment for a child, program and term: what the database refuses.
    public static let subsidyAlreadyPaid = ErrorCode("subsidy.alreadyPaid", .conflict)
    public static let subsidyStudentNotFound = ErrorCode("subsidy.studentNotFound", .notFound)
}
