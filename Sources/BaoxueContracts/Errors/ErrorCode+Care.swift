/// The care service's codes: the ledger, homes, surrogate parents, wishes, activities.
extension ErrorCode {
    /// A request whose fields break the care rules (a parent away with no place, a value out of
    /// range); the problems name the fields.
    public static let careInvalid = ErrorCode("care.invalid", .refused)
    /// The child is not in the care service's replica of the registry (yet).
    public static let careChildNotFound = ErrorCode("care.childNotFound", .notFound)
    /// The child's record names someone else: the name in the file differs from the registry's.
    public static let careNameMismatch = ErrorCode("care.nameMismatch", .refused)
    /// The child has no ledger record, or is not on the ledger now.
    public static let careNotInLedger = ErrorCode("care.notInLedger", .refused)
    /// The child has no surrogate parent (a contact was logged for nobody).
    public static let careNoSurrogate = ErrorCode("care.noSurrogate", .refused)
    public static let careSurrogateNotFound = ErrorCode("care.surrogateNotFound", .notFound)
    /// The surrogate parent already cares for the maximum number of children.
    public static let careSurrogateFull = ErrorCode("care.surrogateFull", .refused)
    public static let careUnknownSchool = ErrorCode("care.unknownSchool", .refused)
    public static let careWishNotFound = ErrorCode("care.wishNotFound", .notFound)
    /// A wish asked to move from a state that does not allow it (fulfil a withdrawn wish).
    public static let careWishState = ErrorCode("care.wishState", .conflict)
    /// Two children share the name and masked number asked for: the record cannot be picked.
    public static let careAmbiguous = ErrorCode("care.ambiguous", .conflict)
}
