import BaoxueContracts
import Testing

/// Bilingual messages split at their top-level parenthesis, and a message made of another's
/// parts is not nested (issue 13, item 6).
@Suite struct BilingualTests {
    @Test func splitsAtTheTopLevelParenthesis() {
        let message = Bilingual("学校（2510123001）不存在 (unknown school (2510123001))")
        #expect(message.zh == "学校（2510123001）不存在" && message.en == "unknown school (2510123001)")
        #expect(Bilingual("only English (with a note)").zh == "only English (with a note)", "not bilingual: the first part is not Chinese")
        #expect(Bilingual("无括号").pick(.en) == "无括号")
    }

    @Test func aStudentNumberProblemIsNotNested() throws {
        do {
            _ = try StudentNumber(validating: "J51012320150X010011")
            Issue.record("accepted")
        } catch {
            #expect(error.message == "全国学籍号无效：J后须为18位数字 (invalid student number: J must be followed by 18 digits)")
            #expect(Bilingual(error.message).en == "invalid student number: J must be followed by 18 digits")
        }
    }
}
