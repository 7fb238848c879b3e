import BaoxueContracts

/// What the definition of a left-behind child is decided on: the registry's facts about the child
/// (birth date, status, household type, orphan and 事实无人抚养 flags) and the parents' situations
/// as the ledger records them (nil: not recorded yet).
struct LedgerFacts: Sendable, Equatable {
    var birthDate: CivilDate
    var status: StudentStatus
    var householdType: HouseholdType?
    var orphan: Bool
    var unattended: Bool
    var father: ParentSituation?
    var mother: ParentSituation?
}
