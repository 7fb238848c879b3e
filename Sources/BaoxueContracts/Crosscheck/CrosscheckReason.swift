/// Why the cross-check (四查三比对, DOMAIN.md rule 5) holds a child for a suspected dropout
/// (疑似失学辍学): one of the three comparisons found them.
public enum CrosscheckReason: String, CaseVocabulary {
    /// Roster against registry: of compulsory-school age, on the household roster, with no
    /// enrolled or suspended record (户籍适龄未在籍).
    case rosterNotEnrolled
    /// Registry against children in class: enrolled, but missing many of the last school days
    /// without reason (在籍不在校).
    case enrolledNotInClass
    /// Dropouts against the poverty roster: a registered-poor child (建档立卡) who dropped out,
    /// worked first.
    case poorDropout
    /// Aid lists against registry: a child of compulsory-school age on a family list (建档立卡,
    /// 低保, 特困, orphan, disability) whom no school holds (困难家庭适龄未在籍). The subsidy service
    /// finds them when it matches a roster, and publishes each (`subsidy.unmatched.<township>`).
    case familyListNotEnrolled

    public var chinese: String {
        switch self {
        case .rosterNotEnrolled: "户籍适龄未在籍"
        case .enrolledNotInClass: "在籍不在校"
        case .poorDropout: "建档立卡户辍学"
        case .familyListNotEnrolled: "困难家庭适龄未在籍"
        }
    }
}
