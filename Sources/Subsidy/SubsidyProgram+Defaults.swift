import BaoxueContracts

extension SubsidyProgram {
    /// The programs a county runs unless `config/subsidy.yaml` says otherwise, at the national
    /// standards (DOMAIN.md, "Student subsidies"). Amounts are per term, in fen: a year's
    /// standard is paid half in each term.
    ///
    /// Funding shares are the national split between the centre and local finance; the local
    /// part's split between the province and the county is the province's own rule, given here
    /// as 60 : 40 for a county of the western region: check it against the province's document.
    /// The preschool amount is a placeholder, marked so, until the county sets its own.
    static let defaults: [SubsidyProgram] = {
        let every = FamilyCategory.allCases
        // 义务教育家庭经济困难学生生活补助: central and local finance share it 5 : 5 (国发〔2015〕67号,
        // and 财教〔2019〕19号 for day pupils).
        func compulsory(_ id: String, _ name: String, _ english: String, grades: ClosedRange<Int>, boarding: BoardingCondition, yearly yuan: Int64) -> SubsidyProgram {
            let amount = yuan * 100 / 2
            let central = amount / 2
            let provincial = (amount - central) * 3 / 5
            return SubsidyProgram(
                id: id, name: name, nameEnglish: english, stage: .compulsory, lowestGrade: grades.lowerBound, highestGrade: grades.upperBound,
                boarding: boarding, categories: every, amountPerTerm: amount,
                shares: FundingSplit(central: central, provincial: provincial, county: amount - central - provincial),
                basis: "义务教育家庭经济困难学生生活补助国家基础标准：\(boarding == .boarder ? "寄宿生" : "非寄宿生")每生每年\(yuan)元（财教〔2019〕19号），中央与地方5:5分担")
        }
        return [
            compulsory("compulsory-primary-boarder", "义务教育家庭经济困难学生生活补助（小学寄宿生）", "Compulsory-education living allowance (primary, boarders)", grades: 1...6, boarding: .boarder, yearly: 1_000),
            compulsory("compulsory-primary-day", "义务教育家庭经济困难学生生活补助（小学非寄宿生）", "Compulsory-education living allowance (primary, day pupils)", grades: 1...6, boarding: .day, yearly: 500),
            compulsory("compulsory-junior-boarder", "义务教育家庭经济困难学生生活补助（初中寄宿生）", "Compulsory-education living allowance (junior secondary, boarders)", grades: 7...9, boarding: .boarder, yearly: 1_250),
            compulsory("compulsory-junior-day", "义务教育家庭经济困难学生生活补助（初中非寄宿生）", "Compulsory-education living allowance (junior secondary, day pupils)", grades: 7...9, boarding: .day, yearly: 625),
            // 普通高中国家助学金: ¥2,300 a year on average from spring 2025; the centre pays 80% in
            // the western region.
            SubsidyProgram(
                id: "highschool-grant", name: "普通高中国家助学金", nameEnglish: "High-school national grant", stage: .highSchool,
                lowestGrade: 10, highestGrade: 12, boarding: .any, categories: every, amountPerTerm: 115_000,
                shares: FundingSplit(central: 92_000, provincial: 13_800, county: 9_200),
                basis: "普通高中国家助学金平均资助标准每生每年2300元（2025年春季学期起），西部地区中央财政承担80%"),
            // 学前教育幼儿资助: set by each province and county; a placeholder until the county does.
            SubsidyProgram(
                id: "preschool-aid", name: "学前教育幼儿资助", nameEnglish: "Preschool aid", stage: .preschool,
                lowestGrade: -2, highestGrade: 0, boarding: .any, categories: every, amountPerTerm: 50_000,
                shares: FundingSplit(central: 25_000, provincial: 15_000, county: 10_000),
                basis: "占位金额：学前教育资助标准由省、县确定，请县里按本地文件设定后再发放 (placeholder: the province and county set preschool aid)",
                placeholder: true),
        ]
    }()
}
