import BaoxueContracts

/// Civil affairs' definition of a left-behind child (农村留守儿童, State Council 2016 No. 13): a
/// rural-registered child under 16 whose parents both work away from home, or one does and the
/// other cannot care for the child. A pure function of the facts and the day, so the table of
/// cases in the tests is the definition.
///
/// The registry's own flag (学籍 留守情况: a parent away three months or more) is broader and is
/// not an input: a child flagged 单亲留守 whose mother is at home and able is not on the ledger,
/// and the flagged list says so.
enum LedgerDefinition {
    /// Whether the child qualifies, and why: one qualifying reason, or every reason that keeps the
    /// child off the ledger (a child can be both urban and over 16), in a fixed order.
    static func verdict(_ facts: LedgerFacts, today: CivilDate) -> [LedgerReason] {
        var reasons: [LedgerReason] = []
        switch facts.status {
        case .leftCounty: reasons.append(.leftCounty)
        case .deceased: reasons.append(.deceased)
        default: break
        }
        // Orphans and children nobody in fact cares for are cared for under their own schemes
        // (孤儿保障, 困境儿童): they have no parent away to be "left behind" by.
        if facts.orphan { reasons.append(.orphan) }
        if facts.unattended { reasons.append(.unattended) }
        switch facts.householdType {
        case .rural?: break
        case .urban?: reasons.append(.notRural)
        case nil: reasons.append(.householdTypeUnknown)
        }
        if facts.birthDate.age(on: today) >= 16 { reasons.append(.aged16) }
        guard let father = facts.father, let mother = facts.mother else {
            return reasons + [.notRecorded]
        }
        let parents: LedgerReason
        switch (father, mother) {
        case (.away, .away): parents = .bothParentsAway
        case (.away, .unable), (.unable, .away): parents = .oneAwayOtherUnable
        case (.away, .home), (.home, .away): parents = .parentCaring
        default: parents = .noParentAway
        }
        if parents.qualifies, reasons.isEmpty { return [parents] }
        return parents.qualifies ? reasons : reasons + [parents]
    }

    /// The day a child on the ledger turns 16 and leaves it.
    static func sixteenthBirthday(_ birthDate: CivilDate) -> CivilDate {
        // 29 February: the 16th birthday is 1 March in a common year, as `age(on:)` counts.
        CivilDate(year: birthDate.year + 16, month: birthDate.month, day: birthDate.day) ?? CivilDate(year: birthDate.year + 16, month: 3, day: 1)!
    }
}
