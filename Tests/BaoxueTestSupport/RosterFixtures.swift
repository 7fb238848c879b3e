import BaoxueContracts
import Foundation

/// Valid roster rows for tests: ID numbers with correct check characters, CSV text with the
/// national roster's headers.
public enum RosterFixtures {
    public static let township = "510123101"
    public static let otherTownship = "510123102"
    public static let school = "2510123001"
    public static let otherSchool = "2510123002"

    /// A valid ID number born on `birth` (YYYYMMDD) with sequence `sequence` (odd: male).
    public static func idNumber(birth: String = "20150301", sequence: Int, region: String = "510123") -> String {
        let sequenceText = String(1000 + sequence % 1000).suffix(3)
        let first17 = region + birth + sequenceText
        return first17 + String(IDNumber.checkCharacter(for: first17))
    }

    public static let schoolsHeader = "学校标识码,学校名称,学校类型,乡镇区划代码,乡镇名称"
    public static let townshipName = "城关镇"
    public static let otherTownshipName = "金河乡"

    public static func schoolsCSV() -> String {
        [schoolsHeader, "\(school),城关镇中心小学,小学,\(township),\(townshipName)", "\(otherSchool),金河乡中心小学,小学,\(otherTownship),\(otherTownshipName)"].joined(separator: "\r\n") + "\r\n"
    }

    public static let studentsHeader = "姓名,性别,出生日期,身份证件号,全国学籍号,学校标识码,年级,班级,入学年月,户籍所在地区划代码,就读方式,是否建档立卡,是否低保,是否残疾,留守情况,监护人姓名,监护人电话"

    /// One student row; `index` picks a distinct child (born 2015, grade 5).
    public static func studentRow(_ index: Int, name: String? = nil, school: String = school) -> String {
        let sequence = index % 1000
        let day = 1 + (index / 1000) % 28
        let birth = "201503" + (day < 10 ? "0\(day)" : "\(day)")
        let id = idNumber(birth: birth, sequence: sequence)
        let sex = sequence % 2 == 1 ? "男" : "女"
        return "\(name ?? "学生\(index)"),\(sex),2015-03-\(birth.suffix(2)),\(id),,\(school),5,1班,2021-09,\(township)201,走读,否,否,否,非留守,家长\(index),1380000\(String(1000 + index % 1000).suffix(4))"
    }

    public static func studentsCSV(_ indices: some Sequence<Int>) -> String {
        ([studentsHeader] + indices.map { studentRow($0) }).joined(separator: "\r\n") + "\r\n"
    }
}
