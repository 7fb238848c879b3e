/// The targets a responsibility document (目标责任书) can set, a deliberately small typed set: the
/// three figures county summaries hold townships and schools to. Every one is scored from live
/// data (docs/decisions.md, "Responsibility targets").
public enum TargetKind: String, CaseVocabulary {
    /// At most this many children of the party dropped out on the register at the end of the year
    /// (usually 0: "无辍学").
    case maxDropouts
    /// At least this in-school rate (在校率), in percent (100 in a township plan, ≥ 96
    /// county-wide): enrolled + suspended ÷ children who should be in school. County plans have
    /// called it 入学巩固率; it is not the cohort consolidation rate (巩固率, ``ConsolidationRate``),
    /// so people see it as 在校率. The code keeps its name on the wire.
    case minEnrolmentRate
    /// At most this many persuasion-return cases still open at the end of the year (动态清零: 0).
    case maxOpenCases

    public var chinese: String {
        switch self {
        case .maxDropouts: "辍学人数上限"
        case .minEnrolmentRate: "在校率下限"
        case .maxOpenCases: "年末在办案件上限"
        }
    }

    /// Whether the actual figure must stay at or below the target (else at or above it).
    public var isCeiling: Bool { self != .minEnrolmentRate }
}
