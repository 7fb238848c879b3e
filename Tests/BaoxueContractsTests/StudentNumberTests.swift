import BaoxueContracts
import Testing

@Suite struct StudentNumberTests {
    @Test func identityNumberEmbedsTheIDNumber() throws {
        let number = try StudentNumber(validating: "g11010519491231002x")
        #expect(number.value == "G11010519491231002X")
        #expect(number.kind == .identity)
        #expect(number.idNumber == (try IDNumber(validating: "11010519491231002X")))
        #expect(StudentNumber(identity: try IDNumber(validating: "11010519491231002X")) == number)
    }

    @Test func noIdentityNumber() throws {
        let number = try StudentNumber(validating: "J510123201403010015")
        #expect(number.kind == .noIdentity)
        #expect(number.idNumber == nil)
    }

    @Test func temporaryNumber() throws {
        let number = try StudentNumber(validating: "L51012320140301ABCD")
        #expect(number.kind == .temporary)
        #expect(number.idNumber == nil)
    }

    @Test(arguments: [
        ("G510123201403011232", true), ("J510123201403010015", true), ("L51012320140301ABCD", true),
        ("Ｊ５１０１２３２０１４０３０１００１５", true),
        ("G510123201403011233", false), ("J5101232014030100A5", false), ("J510123201402300015", false),
        ("L51012320140301AB-D", false), ("X510123201403011232", false), ("G51012320140301123", false),
        ("", false),
    ])
    func validation(text: String, valid: Bool) {
        #expect(((try? StudentNumber(validating: text)) != nil) == valid)
    }

    @Test func problemsSayWhatIsWrong() {
        #expect(throws: StudentNumber.Problem.unknownPrefix("X")) {
            try StudentNumber(validating: "X510123201403011232")
        }
        #expect(throws: StudentNumber.Problem.wrongLength(18)) {
            try StudentNumber(validating: "510123201403011232")
        }
        do {
            _ = try StudentNumber(validating: "G510123201403011233")
            Issue.record("accepted a G number with a bad check character")
        } catch {
            #expect(error.message.contains("校验位"))
        }
    }

    @Test func maskedLikeAnIDNumber() throws {
        let number = try StudentNumber(validating: "G51012319900101123X")
        #expect(number.masked == "G510123********123X")
        #expect(!"\(number)".contains(number.value))
    }
}
