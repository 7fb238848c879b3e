/// The monitor's codes: absences, alerts, cases, targets, the cross-check and its ledgers.
extension ErrorCode {
    public static let absenceInvalid = ErrorCode("absence.invalid", .refused)
    public static let absenceBadDate = ErrorCode("absence.badDate", .refused)
    public static let absenceWrongSchool = ErrorCode("absence.wrongSchool", .refused)

    public static let alertNotFound = ErrorCode("alert.notFound", .notFound)
    public static let alertInvalid = ErrorCode("alert.invalid", .refused)

    public static let caseNotFound = ErrorCode("case.notFound", .notFound)
    public static let caseInvalid = ErrorCode("case.invalid", .refused)
    /// A closed case asked to move.
    public static let caseNotOpen = ErrorCode("case.notOpen", .conflict)
    /// A case without both responsible people asked to move.
    public static let caseUnassigned = ErrorCode("case.unassigned", .conflict)
    /// A case closed as returned before the registry recorded the return.
    public static let caseReturnNotRecorded = ErrorCode("case.returnNotRecorded", .conflict)
    public static let caseProofRequired = ErrorCode("case.proofRequired", .refused)
    /// A case closed as special education or vocational school before the registry put the
    /// child in such a school (decision 82).
    public static let casePlacementNotRecorded = ErrorCode("case.placementNotRecorded", .conflict)

    public static let targetInvalid = ErrorCode("target.invalid", .refused)
    public static let targetExists = ErrorCode("target.exists", .refused)
    public static let targetUnknownParty = ErrorCode("target.unknownParty", .refused)

    public static let reportInvalid = ErrorCode("report.invalid", .refused)
    public static let reportFutureMonth = ErrorCode("report.futureMonth", .refused)

    public static let crosscheckNotFound = ErrorCode("crosscheck.notFound", .notFound)
    public static let crosscheckInvalid = ErrorCode("crosscheck.invalid", .refused)
    public static let crosscheckNotOpen = ErrorCode("crosscheck.notOpen", .refused)
    public static let crosscheckAlreadyVerified = ErrorCode("crosscheck.alreadyVerified", .refused)
    public static let crosscheckProofRequired = ErrorCode("crosscheck.proofRequired", .refused)
    public static let crosscheckNotRegistered = ErrorCode("crosscheck.notRegistered", .refused)

    public static let ledgerNotFound = ErrorCode("ledger.notFound", .notFound)
}

/// The school calendar's codes.
extension ErrorCode {
    /// A term or a range of days that makes no sense (ends before it starts, longer than a year,
    /// overlapping another term).
    public static let calendarInvalid = ErrorCode("calendar.invalid", .refused)
    public static let calendarTermNotFound = ErrorCode("calendar.termNotFound", .notFound)
}

/// Home-delivered teaching placements' codes (送教上门, decision 105).
extension ErrorCode {
    public static let teachingInvalid = ErrorCode("teaching.invalid", .refused)
    /// No current placement for the child.
    public static let teachingNotFound = ErrorCode("teaching.notFound", .notFound)
    /// The child already has a current placement.
    public static let teachingExists = ErrorCode("teaching.exists", .conflict)
    /// The child is not enrolled: a dropout returns through the registry first.
    public static let teachingNotEnrolled = ErrorCode("teaching.notEnrolled", .conflict)
}
