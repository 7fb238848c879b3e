/// The registry's codes: students and their status changes.
extension ErrorCode {
    public static let studentNotFound = ErrorCode("student.notFound", .notFound)
    /// A record the registry cannot take (fields that contradict the ID number, say).
    public static let studentInvalid = ErrorCode("student.invalid", .refused)
    /// A new enrolment for a child who already has a record.
    public static let studentExists = ErrorCode("student.exists", .conflict)
    /// A change the child's current status does not allow (resume a child who is not suspended).
    public static let changeNotAllowed = ErrorCode("change.notAllowed", .conflict)
    public static let changeUnknownSchool = ErrorCode("change.unknownSchool", .refused)
    /// A dropout recorded without its causes (the closed list of ``DropoutCause``).
    public static let changeReasonRequired = ErrorCode("change.reasonRequired", .refused)
    /// A cause that is not on the list, or causes on a change other than a dropout.
    public static let changeCauseInvalid = ErrorCode("change.causeInvalid", .refused)
    public static let changeFutureDate = ErrorCode("change.futureDate", .refused)
    public static let changeEndBeforeStart = ErrorCode("change.endBeforeStart", .refused)
    public static let changeBeforeBirth = ErrorCode("change.beforeBirth", .refused)
    public static let changeNotFound = ErrorCode("change.notFound", .notFound)
    /// A promotion dated outside 1 June – 31 October, when no school year ends.
    public static let promotionOutOfSeason = ErrorCode("promotion.outOfSeason", .refused)
}
