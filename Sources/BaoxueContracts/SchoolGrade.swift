/// How the roster numbers a child's grade (年级), from the kindergarten classes to the last year
/// of high school, so a grade is one integer everywhere (the wire, the databases, comparisons):
///
/// | grade | 年级 |
/// |---|---|
/// | -2, -1, 0 | 小班, 中班, 大班 (kindergarten, at a 幼儿园) |
/// | 1–6 | 一年级 … 六年级 (primary) |
/// | 7–9 | 初一 … 初三, also 七年级 … 九年级 (junior secondary) |
/// | 10–12 | 高一 … 高三 (high school) |
///
/// The kindergarten classes count down from 0 so that a year's promotion is still `grade + 1`:
/// 大班 is the year before grade 1.
public enum SchoolGrade {
    /// 小班, 中班, 大班.
    public static let kindergarten = -2...0
    public static let compulsory = 1...9
    public static let highSchool = 10...12
    /// Every grade a record may hold.
    public static let all = -2...12

    /// `小班`, `三年级`, `初二`, `高一`; `kindergarten junior class`, `grade 3`, `grade 11`. A grade
    /// outside ``all`` reads as its number.
    public static func label(_ grade: Int, _ language: Language) -> String {
        let numerals = ["", "一", "二", "三", "四", "五", "六"]
        switch (grade, language) {
        case (-2, .zh): return "小班"
        case (-1, .zh): return "中班"
        case (0, .zh): return "大班"
        case (1...6, .zh): return numerals[grade] + "年级"
        case (7...9, .zh): return "初" + numerals[grade - 6]
        case (10...12, .zh): return "高" + numerals[grade - 9]
        case (-2, .en): return "kindergarten junior class"
        case (-1, .en): return "kindergarten middle class"
        case (0, .en): return "kindergarten senior class"
        case (1...12, .en): return "grade \(grade)"
        default: return String(grade)
        }
    }
}
