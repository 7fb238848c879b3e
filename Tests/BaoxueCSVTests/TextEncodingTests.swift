import BaoxueCSV
import Testing

@Suite struct TextEncodingTests {
    @Test(arguments: [
        ("utf-8", TextEncoding.utf8), ("UTF-8", .utf8), ("utf8", .utf8), ("Utf8", .utf8),
        ("gbk", .gb18030), ("GBK", .gb18030), ("gb2312", .gb18030), ("GB2312", .gb18030),
        ("gb18030", .gb18030), ("GB18030", .gb18030), (" gbk ", .gb18030),
    ])
    func namesAccepted(name: String, expected: TextEncoding) {
        #expect(TextEncoding.named(name) == expected)
    }

    @Test(arguments: ["", "latin1", "utf-16", "big5", "ascii", "gb"])
    func otherNamesRefused(name: String) {
        #expect(TextEncoding.named(name) == nil)
    }

    @Test func describesItselfForReports() {
        #expect("\(TextEncoding.utf8)" == "UTF-8")
        #expect("\(TextEncoding.gb18030)" == "GB18030")
    }
}
