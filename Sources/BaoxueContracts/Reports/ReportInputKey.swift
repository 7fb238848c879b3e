/// The figures of the county's yearly summary that Baoxue does not hold (school buildings,
/// teachers, funds outside student aid) and an operator may enter for a year (`report inputs`).
/// A closed list, so each lands in its own sentence of the summary; a figure not entered is said
/// to be missing there, never invented.
public enum ReportInputKey: String, Codable, Sendable, CaseIterable {
    /// The county's name for the title (a text, e.g. 宁远县).
    case countyName
    /// Money put into rebuilding and extending township and village schools since the year began.
    case buildingInvestment
    case newBuildingArea
    case renovatedArea
    case sportsGrounds
    /// Money for equipment standardisation and IT (班班通) in compulsory schools.
    case equipmentInvestment
    case newTeachers
    case newRuralTeachers
    case newVillageTeachers
    case countyTeachersToRural
    case townTeachersToVillage
    /// County finance for teacher training (强师提质).
    case teacherTrainingFunds

    public var chinese: String {
        switch self {
        case .countyName: "县名"
        case .buildingInvestment: "乡村学校重建改扩建投入"
        case .newBuildingArea: "新建校舍面积"
        case .renovatedArea: "维修改造校舍面积"
        case .sportsGrounds: "建成学校运动场"
        case .equipmentInvestment: "装备标准化和信息化建设投入"
        case .newTeachers: "新补充教师"
        case .newRuralTeachers: "其中补充到农村"
        case .newVillageTeachers: "其中补充到村小"
        case .countyTeachersToRural: "县城教师到农村支教"
        case .townTeachersToVillage: "乡镇中心小学教师到村小支教"
        case .teacherTrainingFunds: "县财政教师培训经费"
        }
    }

    public var english: String {
        switch self {
        case .countyName: "county name"
        case .buildingInvestment: "investment in rebuilding and extending rural schools"
        case .newBuildingArea: "new school buildings"
        case .renovatedArea: "school buildings renovated"
        case .sportsGrounds: "school sports grounds built"
        case .equipmentInvestment: "investment in equipment and IT"
        case .newTeachers: "new teachers"
        case .newRuralTeachers: "of them, to rural schools"
        case .newVillageTeachers: "of them, to village schools"
        case .countyTeachersToRural: "county teachers sent to rural schools"
        case .townTeachersToVillage: "township teachers sent to village schools"
        case .teacherTrainingFunds: "county finance for teacher training"
        }
    }

    /// The unit the value is entered in; nil for the county's name.
    public var unit: (zh: String, en: String)? {
        switch self {
        case .countyName: nil
        case .buildingInvestment: ("亿元", "100 million yuan")
        case .newBuildingArea, .renovatedArea: ("万平方米", "10,000 m²")
        case .sportsGrounds: ("个", "")
        case .equipmentInvestment, .teacherTrainingFunds: ("万元", "10,000 yuan")
        case .newTeachers, .newRuralTeachers, .newVillageTeachers, .countyTeachersToRural, .townTeachersToVillage: ("人", "people")
        }
    }

    public func label(_ language: Language) -> String { language.pick(chinese, english) }
}
