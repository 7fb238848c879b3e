import BaoxueCSV
import BaoxueContracts
import Testing

@Suite struct CSVParserTests {
    let parser = CSVParser()

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndsAllWork(lineEnd: String) throws {
        let text = ["姓名,性别", "张三,男", "李四,女"].joined(separator: lineEnd) + lineEnd
        let parsed = try parser.parse(text)
        #expect(parsed.rows == [["姓名", "性别"], ["张三", "男"], ["李四", "女"]])
        #expect(parsed.lines == [1, 2, 3])
        #expect(parsed.separator == .comma)
    }

    @Test func lastLineWithoutLineEnd() throws {
        let parsed = try parser.parse("a,b\n1,2")
        #expect(parsed.rows == [["a", "b"], ["1", "2"]])
    }

    @Test func quotedCellsKeepCommasQuotesAndLineBreaks() throws {
        let text = "姓名,备注,班级\r\n\"王, 小明\",\"他说\"\"好\"\"\",\"三\r\n(2)班\"\r\n李四,,\"\"\r\n"
        let parsed = try parser.parse(text)
        #expect(parsed.rows == [
            ["姓名", "备注", "班级"],
            ["王, 小明", "他说\"好\"", "三\r\n(2)班"],
            ["李四", "", ""],
        ])
        // The second record spans lines 2 and 3, so the third starts on line 4.
        #expect(parsed.lines == [1, 2, 4])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineBreaksInsideQuotesAreCountedOnce(lineEnd: String) throws {
        let text = "a\(lineEnd)\"x\(lineEnd)y\(lineEnd)z\"\(lineEnd)b\(lineEnd)"
        let parsed = try parser.parse(text)
        #expect(parsed.rows.map(\.count) == [1, 1, 1])
        #expect(parsed.lines == [1, 2, 5])
    }

    @Test func quoteOnlyStartsAQuotedCellAtTheCellStart() throws {
        let parsed = try parser.parse("5'3\"\",x\n")
        #expect(parsed.rows == [["5'3\"\"", "x"]])
    }

    @Test func textAfterAClosingQuoteIsKept() throws {
        let parsed = try parser.parse("\"王\"小明,x\n\"a\"\"b\"c,y\n")
        #expect(parsed.rows == [["王小明", "x"], ["a\"bc", "y"]])
    }

    @Test func unterminatedQuoteNamesTheLineItOpenedOn() {
        let text = "姓名,备注\n张三,好\n李四,\"没有闭合\n王五,男\n"
        let error = #expect(throws: TableError.self) {
            try parser.parse(text)
        }
        #expect(error?.code == .csvUnterminatedQuote)
        #expect(error?.line == 3)
        #expect(error?.message.contains("第3行") == true)
        #expect(error?.message.contains("line 3") == true)
    }

    @Test func emptyLinesMakeNoRecordsButCountAsLines() throws {
        let parsed = try parser.parse("\n\na,b\n\n1,2\r\n\r\n\n\n")
        #expect(parsed.rows == [["a", "b"], ["1", "2"]])
        #expect(parsed.lines == [3, 5])
    }

    @Test func emptyCellsAtTheEdges() throws {
        let parsed = try parser.parse(",a,\n,,\n")
        #expect(parsed.rows == [["", "a", ""], ["", "", ""]])
    }

    @Test func tabSeparatedFileIsDetectedFromTheHeader() throws {
        let parsed = try parser.parse("姓名\t性别\t备注\n张三\t男\t爱好: 读书, 画画\n")
        #expect(parsed.separator == .tab)
        #expect(parsed.rows == [["姓名", "性别", "备注"], ["张三", "男", "爱好: 读书, 画画"]])
    }

    @Test func headerWithCommasAndTabsIsCommaSeparated() throws {
        let parsed = try parser.parse("a\tb,c\n1\t2,3\n")
        #expect(parsed.separator == .comma)
        #expect(parsed.rows == [["a\tb", "c"], ["1\t2", "3"]])
    }

    @Test func separatorCanBeForced() throws {
        let parsed = try CSVParser(separator: .tab).parse("a,b\tc\n")
        #expect(parsed.rows == [["a,b", "c"]])
    }

    @Test func multiByteTextIsKeptIntact() throws {
        let names = ["阿依古丽·买买提", "䶮", "𠀀𠀁", "Zoë", "👩‍👧"]
        let parsed = try parser.parse(names.joined(separator: ",") + "\n")
        #expect(parsed.rows == [names])
    }

    @Test func manyRowsKeepTheirLineNumbers() throws {
        // Given 20,000 rows of 17 cells, every tenth with a quoted two-line cell.
        var text = (1...17).map { "c\($0)" }.joined(separator: ",") + "\n"
        var expectedLines = [1]
        var line = 2
        for index in 0..<20_000 {
            expectedLines.append(line)
            let note = index % 10 == 0 ? "\"两行\n备注\"" : "备注\(index)"
            text += ([note] + (2...17).map { "v\(index)-\($0)" }).joined(separator: ",") + "\n"
            line += index % 10 == 0 ? 2 : 1
        }

        let parsed = try parser.parse(text)

        #expect(parsed.rows.count == 20_001)
        #expect(parsed.rows.allSatisfy { $0.count == 17 })
        #expect(parsed.lines == expectedLines)
        #expect(parsed.rows[1][0] == "两行\n备注")
        #expect(parsed.rows[20_000][16] == "v19999-17")
    }
}
