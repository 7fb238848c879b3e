/// What verifying a suspect found (核查结果): the categories of DOMAIN.md rule 5. Every category but
/// ``confirmed`` clears the child; ``confirmed`` opens a persuasion-return case.
public enum SuspectCategory: String, CaseVocabulary {
    /// Actually enrolled in the county, under a record the comparison did not match.
    case enrolledHere
    /// Enrolled in a school outside the county.
    case enrolledElsewhere
    /// Attending a school in the province without a student record.
    case studyingWithoutRecordInProvince
    /// Attending a school outside the province without a student record.
    case studyingWithoutRecordOutsideProvince
    /// Past compulsory-school age (the roster's birth date places them outside it).
    case overAge
    /// Living abroad (出国/出境).
    case abroad
    case deceased
    /// Household-register errors: an empty registration (空挂户)…
    case registerEmpty
    /// …the same person registered twice…
    case registerDuplicate
    /// …a wrong ID number or name…
    case registerWrongIdentity
    /// …or no such person.
    case registerNoSuchPerson
    /// Cannot attend for illness or disability: home-delivered teaching (送教上门) instead.
    case illnessOrDisability
    /// The whole family moved away and cannot be reached (举家外出联系不上).
    case movedUnreachable
    /// Out of school: a dropout, worked as a case (一生一策).
    case confirmed

    public var chinese: String {
        switch self {
        case .enrolledHere: "县内在读"
        case .enrolledElsewhere: "县外在读"
        case .studyingWithoutRecordInProvince: "省内无学籍就读"
        case .studyingWithoutRecordOutsideProvince: "省外无学籍就读"
        case .overAge: "超龄"
        case .abroad: "出国（境）"
        case .deceased: "死亡"
        case .registerEmpty: "户籍空挂"
        case .registerDuplicate: "户籍重复"
        case .registerWrongIdentity: "身份证号或姓名错误"
        case .registerNoSuchPerson: "查无此人"
        case .illnessOrDisability: "因病因残无法就学（送教上门）"
        case .movedUnreachable: "举家外出联系不上"
        case .confirmed: "确认失学辍学"
        }
    }

    /// Categories that state a fact held elsewhere, so the verifier must name their proof (a
    /// receiving school's certificate, an exit record, a death certificate): DOMAIN.md's "actually
    /// enrolled … with proof", and the facts a case also closes on only with proof.
    public var needsProof: Bool {
        switch self {
        case .enrolledHere, .enrolledElsewhere, .abroad, .deceased: true
        default: false
        }
    }
}
