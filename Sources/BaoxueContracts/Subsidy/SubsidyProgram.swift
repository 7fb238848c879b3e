/// A student-aid program (资助项目) as the county configures it (`subsidy.programs`): whom it pays
/// (a stage, its grades, a boarding condition, the family categories that qualify), how much per
/// term in fen, and who funds that amount.
///
/// A child is eligible for a program in a term when their grade is in ``grades`` and their
/// attendance fits ``boarding``, and their family is on one of the ``categories``' lists at some
/// time during the term. One child gets at most one payment per program per term.
public struct SubsidyProgram: Codable, Sendable, Equatable {
    /// Short, stable and typed on the command line: `compulsory-primary-boarder`.
    public var id: String
    public var name: String
    public var nameEnglish: String
    public var stage: EducationStage
    /// The grades it pays, as ``SchoolGrade`` numbers them, within ``stage``.
    public var lowestGrade: Int
    public var highestGrade: Int
    public var boarding: BoardingCondition
    public var categories: [FamilyCategory]
    /// Paid per term, in fen.
    public var amountPerTerm: Int64
    /// Who pays ``amountPerTerm``: the three shares sum to it.
    public var shares: FundingSplit
    /// Where the figure comes from (a policy document), or that the county sets it.
    public var basis: String
    /// The amount is a placeholder the county must set before paying (preschool aid is local).
    public var placeholder: Bool

    public init(id: String, name: String, nameEnglish: String, stage: EducationStage, lowestGrade: Int, highestGrade: Int, boarding: BoardingCondition, categories: [FamilyCategory], amountPerTerm: Int64, shares: FundingSplit, basis: String, placeholder: Bool = false) {
        self.id = id
        self.name = name
        self.nameEnglish = nameEnglish
        self.stage = stage
        self.lowestGrade = lowestGrade
        self.highestGrade = highestGrade
        self.boarding = boarding
        self.categories = categories
        self.amountPerTerm = amountPerTerm
        self.shares = shares
        self.basis = basis
        self.placeholder = placeholder
    }

    public var grades: ClosedRange<Int> { lowestGrade...max(lowestGrade, highestGrade) }

    public func name(_ language: Language) -> String { language == .zh ? name : nameEnglish }

    /// Whether a child in `grade` attending as `attendance` is of the kind this program pays (the
    /// family categories aside).
    public func covers(grade: Int, attendance: AttendanceMode) -> Bool {
        grades.contains(grade) && boarding.admits(attendance)
    }

    /// What is wrong with this definition, each problem naming the configuration key it comes
    /// from (`subsidy.programs.<id>.shares`); empty when it can be used.
    public func problems() -> [String] {
        let key = "subsidy.programs.\(id)"
        var problems: [String] = []
        if id.isEmpty || id.count > 40 || !id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            problems.append("\(key): a program id is 1–40 lowercase letters, digits and hyphens")
        }
        if name.isEmpty || nameEnglish.isEmpty { problems.append("\(key).name and .nameEnglish are required") }
        if amountPerTerm <= 0 { problems.append("\(key).amountPerTerm must be a positive number of fen") }
        if [shares.central, shares.provincial, shares.county].contains(where: { $0 < 0 }) || shares.total != amountPerTerm {
            problems.append("\(key).shares (central \(shares.central) + provincial \(shares.provincial) + county \(shares.county) = \(shares.total)) must be ≥ 0 and sum to amountPerTerm \(amountPerTerm)")
        }
        if lowestGrade > highestGrade || EducationStage(grade: lowestGrade) != stage || EducationStage(grade: highestGrade) != stage {
            problems.append("\(key).grades \(lowestGrade)–\(highestGrade) must lie within the stage \(stage.rawValue) (\(Self.stageGrades(stage)))")
        }
        if categories.isEmpty { problems.append("\(key).categories must name at least one of \(FamilyCategory.allCases.map(\.rawValue).joined(separator: ", "))") }
        return problems
    }

    static func stageGrades(_ stage: EducationStage) -> String {
        switch stage {
        case .preschool: "-2–0"
        case .compulsory: "1–9"
        case .highSchool: "10–12"
        }
    }
}
