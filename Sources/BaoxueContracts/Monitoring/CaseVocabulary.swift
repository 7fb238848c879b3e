/// A closed list a case uses (causes, measures, legal steps, outcomes): an English code on the
/// wire, a Chinese label for people, either accepted on input.
public protocol CaseVocabulary: RawRepresentable, CaseIterable, Codable, Sendable, Hashable where RawValue == String {
    var chinese: String { get }
}

extension CaseVocabulary {
    /// Reads the code (`weariness`) or the Chinese label (`厌学`), with full-width and half-width
    /// punctuation alike (`出国（境）` or `出国(境)`).
    public init?(label: String) {
        let text = TextNormalization.field(label)
        guard let value = Self.allCases.first(where: { $0.rawValue == text || TextNormalization.field($0.chinese) == text }) else { return nil }
        self = value
    }

    public func label(_ language: Language) -> String { language == .zh ? chinese : rawValue }

    /// `a, b` in the language.
    public static func list(_ values: [Self], _ language: Language) -> String {
        values.map { $0.label(language) }.joined(separator: language == .zh ? "、" : ", ")
    }

    /// Every accepted spelling, for error messages.
    public static var accepted: String {
        allCases.map { "\($0.rawValue)/\($0.chinese)" }.joined(separator: ", ")
    }
}

/// A measure in a child's plan (一生一策).
public enum CaseMeasure: String, CaseVocabulary {
    case homeVisit, counselling, tutoring, specialEducation, homeTeaching, vocational, subsidyReferral, legalNotice
    /// 留守关爱: the child is left behind; the care service's record (surrogate parent, guardian)
    /// is shown with the case, and its surrogate parent is told of the case.
    case care

    public var chinese: String {
        switch self {
        case .homeVisit: "上门劝返"
        case .counselling: "心理疏导"
        case .tutoring: "学习方法辅导"
        case .specialEducation: "特教学校就读"
        case .homeTeaching: "送教上门"
        case .vocational: "职业中学"
        case .subsidyReferral: "资助转介"
        case .legalNotice: "依法控辍"
        case .care: "留守关爱"
        }
    }
}

/// A rung of the legal ladder when persuasion fails (依法控辍, Compulsory Education Law art. 58).
public enum LegalStep: String, CaseVocabulary {
    case classTeacher, schoolLeaders, townshipNotice, penaltyNotice, court

    public var chinese: String {
        switch self {
        case .classTeacher: "班主任劝返"
        case .schoolLeaders: "学校领导劝返"
        case .townshipNotice: "乡镇督促入学通知书"
        case .penaltyNotice: "处罚告知"
        case .court: "提起诉讼"
        }
    }
}

/// How a case ends (销号). A dropped-out child's `returned`, and every `specialEducation` and
/// `vocational`, close from the registry's change (decisions 32, 80, 82).
public enum CaseOutcome: String, CaseVocabulary {
    case returned, specialEducation, homeTeaching, vocational, enrolledElsewhere, emigrated, deceased

    public var chinese: String {
        switch self {
        case .returned: "劝返复学"
        case .specialEducation: "特教学校就读"
        case .homeTeaching: "送教上门"
        case .vocational: "职业学校就读"
        case .enrolledElsewhere: "县外就读（已核实）"
        case .emigrated: "出国（境）"
        case .deceased: "死亡"
        }
    }

    /// Outcomes that are a fact elsewhere and need proof recorded on the case.
    public var needsProof: Bool { self == .enrolledElsewhere || self == .emigrated || self == .deceased }

    /// Outcomes that are a school place in the county, so the registry records them (a return or
    /// transfer into a school of that type) and the case closes from the registry's event.
    public var isPlacement: Bool { self == .specialEducation || self == .vocational }

    /// The outcome of a return or transfer into a school of `type`: a special-education or
    /// vocational place, or nil for any other school.
    public static func placement(in type: SchoolType?) -> CaseOutcome? {
        switch type {
        case .special: .specialEducation
        case .vocational: .vocational
        default: nil
        }
    }
}

/// Where a case is: open (work to do), probation (returned, watched for absences), closed.
public enum CaseState: String, Codable, Sendable, CaseIterable {
    case open, probation, closed
}

/// What opened a case.
public enum CaseOrigin: String, Codable, Sendable, CaseIterable {
    case dropoutReported, absenceDropout, crosscheck, manual
}
