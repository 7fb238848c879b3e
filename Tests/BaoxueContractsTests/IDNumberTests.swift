import BaoxueContracts
import Foundation
import Testing

@Suite struct IDNumberTests {
    /// Numbers whose check characters were computed by hand with ISO 7064 MOD 11-2: the sum of
    /// the first 17 digits times 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, mod 11, indexes
    /// "10X98765432".
    @Test(arguments: [
        ("11010519491231002X", "1949-12-31", Sex.female),
        ("510123201403011232", "2014-03-01", .male),
        ("510123201403011240", "2014-03-01", .female),
        ("440304200002290014", "2000-02-29", .male),
        ("53250120101015002X", "2010-10-15", .female),
        ("51012319900101123X", "1990-01-01", .male),
        ("510123201312310456", "2013-12-31", .male),
        ("110105200808080883", "2008-08-08", .female),
    ])
    func validNumbers(text: String, birth: String, sex: Sex) throws {
        let id = try IDNumber(validating: text)
        #expect(id.value == text)
        #expect(id.birthDate == CivilDate(parsing: birth))
        #expect(id.sex == sex)
        #expect(id.region == String(text.prefix(6)))
        #expect(IDNumber.checkCharacter(for: String(text.prefix(17))) == text.last)
    }

    @Test(arguments: [
        ("510123201403011233", IDNumber.Problem.checksum(expected: "2", found: "3")),
        ("11010519491231002Y", .notDigits),
        ("11010519491231002", .wrongLength(17)),
        ("1101051949123100201", .wrongLength(19)),
        ("", .wrongLength(0)),
        ("5101232014O3011232", .notDigits),
        ("A10105194912310020", .notDigits),
        ("510123199902301234", .invalidBirthDate("19990230")),
        ("510123189912310011", .invalidBirthDate("18991231")),
        ("510123201413011232", .invalidBirthDate("20141301")),
    ])
    func invalidNumbers(text: String, problem: IDNumber.Problem) {
        #expect(throws: problem) { try IDNumber(validating: text) }
    }

    @Test func problemsExplainThemselvesInBothLanguages() {
        let message = IDNumber.Problem.checksum(expected: "2", found: "3").message
        #expect(message.contains("校验位"))
        #expect(message.contains("check character should be 2, found 3"))
    }

    @Test(arguments: [
        "11010519491231002x", " 11010519491231002X ", "１１０１０５１９４９１２３１００２Ｘ", "１１０１０５１９４９１２３１００２ｘ",
        "\u{3000}11010519491231002X\u{200B}",
    ])
    func variantsAreCanonicalised(text: String) throws {
        #expect(try IDNumber(validating: text).value == "11010519491231002X")
    }

    @Test func otherScriptsDigitsAreNotDigits() {
        // Arabic-Indic digits have numeric values but are not what an ID number is written in.
        #expect(throws: IDNumber.Problem.notDigits) {
            try IDNumber(validating: "٥10123201403011232")
        }
    }

    @Test func maskedFormKeepsRegionAndLastFour() throws {
        let id = try IDNumber(validating: "51012319900101123X")
        #expect(id.masked == "510123********123X")
        #expect(id.masked.count == 18)
    }

    @Test func textFormsNeverCarryTheFullNumber() throws {
        let id = try IDNumber(validating: "51012319900101123X")
        let optional: IDNumber? = id
        let forms = [
            id.description, "\(id)", String(describing: id), String(reflecting: id), "\(optional as Any)",
            "\([id])", "\(["key": id])",
        ]
        for form in forms {
            #expect(!form.contains(id.value), "\(form)")
            #expect(form.contains("510123********123X"), "\(form)")
        }
    }

    @Test func codableCarriesTheFullNumberAndValidates() throws {
        let id = try IDNumber(validating: "11010519491231002X")
        let json = try JSONEncoder().encode([id])
        #expect(String(decoding: json, as: UTF8.self) == #"["11010519491231002X"]"#)
        #expect(try JSONDecoder().decode([IDNumber].self, from: json) == [id])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([IDNumber].self, from: Data(#"["110105194912310021"]"#.utf8))
        }
    }
}
