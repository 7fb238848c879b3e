import BaoxueContracts
import Testing

@Suite struct SchoolRecordTests {
    @Test func goodRow() throws {
        let record = try SchoolRecord.parse([
            .code: " 5301230001 ", .name: "城关镇中心小学", .type: "小学", .township: "５３０１２３１００",
        ]).get()
        #expect(record == SchoolRecord(code: "5301230001", name: "城关镇中心小学", type: .primary, township: "530123100"))
    }

    @Test(arguments: [("小学", SchoolType.primary), ("九年一贯制", .nineYear), ("primary", .primary), ("Junior Secondary", .junior), ("special", .special)])
    func typeLabels(label: String, type: SchoolType) throws {
        let record = try SchoolRecord.parse([.code: "5301230001", .name: "学校", .type: label, .township: "530123100"]).get()
        #expect(record.type == type)
    }

    @Test func badRowReportsEveryField() {
        let result = SchoolRecord.parse([.code: "53012300", .name: "", .type: "大学", .township: "5301231"])
        guard case .failure(let failure) = result else {
            Issue.record("accepted a bad school row")
            return
        }
        #expect(failure.problems.map(\.field) == ["学校标识码", "学校名称", "学校类型", "乡镇区划代码"])
        #expect(failure.problems[2].reason.contains("大学"))
    }

    @Test func overLongNameIsRefused() {
        let result = SchoolRecord.parse([
            .code: "5301230001", .name: String(repeating: "校", count: 101), .type: "小学", .township: "530123100",
        ])
        #expect((try? result.get()) == nil)
    }

    @Test(arguments: [("学校标识码", SchoolField.code), ("School Code", .code), ("*学校名称", .name), ("TYPE", .type), ("township_code", .township)])
    func headers(header: String, field: SchoolField) {
        #expect(SchoolField(header: header) == field)
    }
}
