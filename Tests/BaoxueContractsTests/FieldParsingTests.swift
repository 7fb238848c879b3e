import BaoxueContracts
import Testing

@Suite struct FieldParsingTests {
    @Test(arguments: [
        ("3", 3), ("１２", 12), (" 9 ", 9), ("三年级", 3), ("一年级", 1), ("七年级", 7), ("十年级", 10), ("十一年级", 11),
        ("十二年级", 12), ("6年级", 6), ("初一", 7), ("初三", 9), ("初二年级", 8), ("高一", 10), ("高二", 11), ("高三", 12),
        ("小班", -2), ("中班", -1), ("大班", 0), ("幼儿园大班", 0), ("k1", -2), (" K3 ", 0),
    ])
    func grades(text: String, grade: Int) {
        #expect(FieldParsing.grade(text) == grade)
    }

    @Test(arguments: ["", "0", "13", "-1", "-2", "初四", "高四", "十三年级", "三年", "grade 3", "abc", "托班", "K4"])
    func notGrades(text: String) {
        #expect(FieldParsing.grade(text) == nil)
    }

    /// Every grade a record holds reads back from its Chinese label, so a label printed in a
    /// table or a ledger can be typed again.
    @Test func everyGradeLabelReadsBack() {
        for grade in SchoolGrade.all {
            #expect(FieldParsing.grade(SchoolGrade.label(grade, .zh)) == grade, "\(grade)")
            #expect(EducationStage(grade: grade) != nil)
        }
        #expect(EducationStage(grade: -3) == nil && EducationStage(grade: 13) == nil)
        #expect(EducationStage(grade: 0) == .preschool && EducationStage(grade: 9) == .compulsory && EducationStage(grade: 10) == .highSchool)
    }

    @Test(arguments: [
        "2020-09", "2020/9", "2020.09", "202009", "2020年9月", "2020年09月", "2020-09-01", "2020年9月1日", "２０２０－０９",
        "20200901",
    ])
    func yearMonths(text: String) {
        #expect(FieldParsing.yearMonth(text) == "2020-09")
    }

    @Test(arguments: ["", "2020", "2020-13", "2020-00", "1949-09", "202013", "2020-09-31", "abc-de", "2020-9-1-1"])
    func notYearMonths(text: String) {
        #expect(FieldParsing.yearMonth(text) == nil)
    }

    @Test(arguments: [
        ("13812345678", "13812345678"), ("138 1234 5678", "13812345678"), ("138-1234-5678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"), ("0871-1234567", "08711234567"), ("0871-12345678", "087112345678"),
        ("010-12345678", "01012345678"),
    ])
    func phones(text: String, phone: String) {
        #expect(FieldParsing.phone(text) == phone)
    }

    @Test(arguments: ["", "12345", "23812345678", "1381234567", "138123456789", "138abcd5678", "+8613812345678", "1234567"])
    func notPhones(text: String) {
        #expect(FieldParsing.phone(text) == nil)
    }

    @Test func maskedPhone() {
        #expect(Masking.phone("13812345678") == "138****5678")
        #expect(Masking.phone("087112345678") == "087*****5678")
        #expect(Masking.phone("1234567") == "*******")
    }

    @Test(arguments: [
        "阿依古丽·买买提", "阿依古丽•买买提", "阿依古丽・买买提", "阿依古丽･买买提", "阿依古丽∙买买提", "阿依古丽⋅买买提",
        "阿依古丽‧买买提", "阿依古丽．买买提", " 阿依古丽·买买提\u{3000}",
    ])
    func middleDotVariantsAreNormalised(text: String) {
        #expect(FieldParsing.personName(text) == "阿依古丽·买买提")
    }

    @Test(arguments: ["张三", "王䶮", "𠀀𠀁", "Zhang San", "欧阳娜娜"])
    func namesAreKeptAsWritten(name: String) {
        #expect(FieldParsing.personName(name) == name)
    }

    @Test(arguments: ["", "   ", "\u{3000}", "张\u{7}三", "张\n三"])
    func notNames(text: String) {
        #expect(FieldParsing.personName(text) == nil)
    }

    @Test(arguments: [("是", true), ("Y", true), ("1", true), ("有", true), ("否", false), ("", false), ("无", false), ("N", false)])
    func flags(text: String, value: Bool) {
        #expect(FieldParsing.flag(text) == value)
    }

    @Test func unknownFlag() {
        #expect(FieldParsing.flag("也许") == nil)
    }
}
