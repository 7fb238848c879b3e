@testable import BaoxueContracts
import Foundation
import Testing

/// A student batch travels as a table: the column names once, each row an array (decision 159).
/// It must carry exactly what the rows of objects carry, be written by the record's own writer,
/// and be read from its text exactly as from its tree, problems and all.
@Suite struct ImportBatchTableTests {
    static func records() throws -> [StudentRecord] {
        let id = try IDNumber(validating: "11010519491231002X")
        let full = StudentRecord(
            name: "阿依古丽·买买提 \"引号\" \\ 斜杠/", sex: .female, birthDate: id.birthDate, idNumber: id, studentNumber: StudentNumber(identity: id),
            schoolCode: "2510123001", grade: 5, className: "3班\n", enrolledOn: "2021-09", householdRegion: "510123101201", attendance: .boarding,
            registeredPoor: true, subsistence: false, disability: .visual, leftBehind: .bothParents, guardianName: "王䶮", guardianPhone: "13812345678",
            householdType: .rural, orphan: true, unattended: true)
        var bare = full
        bare.name = "𠮷野"
        bare.idNumber = nil
        bare.className = nil
        bare.enrolledOn = nil
        bare.householdRegion = nil
        bare.guardianName = nil
        bare.guardianPhone = nil
        bare.householdType = nil
        return [full, bare]
    }

    @Test func aStudentBatchIsWrittenAsATableAndReadsBackTheSame() throws {
        let batch = ImportBatch(rows: try Self.records().enumerated().map { NumberedRow(row: $0.offset + 2, record: $0.element) })
        let body = batch.jsonBytes()
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.hasPrefix(#"{"columns":["row","attendance","birthDate","className","#), "\(text)")
        // The second record's absent fields are nulls in their places, not left out.
        #expect(text.contains(#"[3,"住校","1949-12-31",null,"视力",null,5,null,null,null,null,"#), "\(text)")
        let read = try ImportBatch<StudentRecord>.read(json: body)
        #expect(read.rows.map(\.row) == [2, 3])
        #expect(read.rows.map(\.record) == batch.rows.map(\.record))
        #expect(read.invalidRows.isEmpty)
        #expect(try ImportBatch<StudentRecord>.streamed(body, StudentRecord.self).rows.map(\.record) == batch.rows.map(\.record))
    }

    /// Each row's values, put under the columns' names with its nulls left out, are the record's
    /// object as it writes it: the record's writer and its keys are in the same order, so the
    /// one `write(to:)` serves both forms.
    @Test func eachRowIsTheRecordsObjectByPlace() throws {
        for record in try Self.records() {
            let table = try JSONReader.parse(ImportBatch(rows: [NumberedRow(row: 9, record: record)]).jsonBytes())
            guard case .object(let members) = table, case .array(let names)? = members.first(where: { $0.0 == "columns" })?.1,
                  case .array(let rows)? = members.first(where: { $0.0 == "rows" })?.1, case .array(let values)? = rows.first else {
                Issue.record("not a table: \(table)")
                return
            }
            #expect(names.count == values.count)
            #expect(names.first == .string("row") && values.first == .number(9))
            let byPlace = zip(names, values).dropFirst().compactMap { name, value -> (String, JSONValue)? in
                guard case .string(let name) = name, value != .null else { return nil }
                return (name, value)
            }
            guard case .object(let object) = try JSONReader.parse(record.jsonBytes()) else {
                Issue.record("the record is not an object")
                return
            }
            #expect(byPlace.map(\.0) == object.map(\.0))
            #expect(byPlace.map(\.1) == object.map(\.1))
        }
    }

    static let record = #"["王䶮","female","2014-03-01","510123201403011240","G510123201403011240","5101230001",3]"#
    static let columns = #"["name","sex","birthDate","idNumber","studentNumber","schoolCode","grade","row"]"#

    static let bodies: [String] = [
        // A client's own column order, the row number last.
        #"{"columns":\#(columns),"rows":[["王䶮","female","2014-03-01","510123201403011240","G510123201403011240","5101230001",3,2]]}"#,
        // Spaces, unknown members and columns, a column named twice (the first counts).
        " {\"extra\": {\"a\": [1]}, \"columns\" : [\"row\", \"note\", \"name\", \"name\", \"sex\", \"birthDate\", \"studentNumber\", \"schoolCode\", \"grade\"] , \"rows\" : [ [ 4 , {\"x\": 1}, \"甲\", \"乙\", \"male\", \"2014-03-01\", \"G510123201403011240\", \"5101230001\", 3 ] ] } ",
        // Rows that do not read, each said as from the tree.
        #"{"columns":\#(columns),"rows":[["王䶮","female","2014-03-01",null,"G510123201403011240","5101230001",3,"7"],["王䶮","female","2014-03-01","510123201403011241","G510123201403011240","5101230001",3,8],[1,2],null,42,{"row":9},["王䶮","female","2014-03-01",null,"G510123201403011240","5101230001",3,10,11],["王䶮",null,"2014-03-01",null,"G510123201403011240","5101230001",3,12],["王䶮","female","2014-03-01",null,"G510123201403011240","5101230001",3,null]]}"#,
        #"{"columns":["row"],"rows":[]}"#,
        // Read as a tree only: the columns after the rows.
        #"{"rows":[[2,"王䶮","female","2014-03-01",null,"G510123201403011240","5101230001",3]],"columns":["row","name","sex","birthDate","idNumber","studentNumber","schoolCode","grade"]}"#,
        // Read as a tree only: `null` columns, the same as none (a batch of no rows).
        #"{"columns":null,"rows":[]}"#,
        // Not batches: each refused with the tree's error.
        #"{"columns":"row","rows":[]}"#, #"{"columns":[1],"rows":[]}"#, #"{"columns":["row"]}"#, #"{"columns":["row"],"rows":[[1],]}"#,
    ]

    /// Tables (the first four bodies) are read from their text, not read again as a tree; the
    /// others are read by the tree alone, or refused by both with the same error.
    @Test(arguments: bodies.indices)
    func readingTheTextAgreesWithReadingTheTree(index: Int) {
        let text = Array(Self.bodies[index].utf8)
        let fromText = Result { try ImportBatch<StudentRecord>.streamed(text, StudentRecord.self) }
        #expect((try? fromText.get()) != nil || index >= 4, "body \(index) was not read from its text")
        #expect((try? fromText.get()) == nil || index < 4, "body \(index) was read from its text")
        let read = Result { try ImportBatch<StudentRecord>.read(json: text) }
        let tree = Result { try ImportBatch<StudentRecord>.fromTree(text) }
        switch (read, tree) {
        case (.success(let a), .success(let b)):
            #expect(a.rows.map(\.row) == b.rows.map(\.row))
            #expect(a.rows.map(\.record) == b.rows.map(\.record))
            #expect(a.invalidRows == b.invalidRows)
            #expect(index < 6, "body \(index) is not a batch, yet was read")
        case (.failure(let a), .failure(let b)):
            #expect("\(a)" == "\(b)")
            #expect(index >= 6, "body \(index) is a batch, yet was refused: \(a)")
        case (let a, let b):
            Issue.record("read: \(a); from the tree: \(b)")
        }
    }

    /// The cases above read as they are meant to: the rows, and each problem with its row and path.
    @Test func theCasesMeanWhatTheySay() throws {
        let own = try ImportBatch<StudentRecord>.read(json: Array(Self.bodies[0].utf8))
        #expect(own.rows.map(\.row) == [2])
        #expect(own.rows.first?.record.idNumber?.value == "510123201403011240")
        let spaced = try ImportBatch<StudentRecord>.read(json: Array(Self.bodies[1].utf8))
        #expect(spaced.rows.map(\.row) == [4])
        #expect(spaced.rows.first?.record.name == "甲")
        let bad = try ImportBatch<StudentRecord>.read(json: Array(Self.bodies[2].utf8))
        #expect(bad.rows.isEmpty)
        #expect(bad.invalidRows.map(\.row) == [1, 8, 3, 4, 5, 6, 7, 12, 9])
        #expect(bad.invalidRows[0].reason == "field rows[0].row: expected Int")
        #expect(bad.invalidRows[1].reason.hasPrefix("field rows[1].idNumber: "))
        #expect(bad.invalidRows[2].reason == "field rows[2]: expected an array of 8 values, one for each column")
        #expect(bad.invalidRows[7].reason == "missing field rows[7].sex")
        #expect(bad.invalidRows[8].reason == "missing field rows[8].row")
        let late = try ImportBatch<StudentRecord>.read(json: Array(Self.bodies[4].utf8))
        #expect(late.rows.map(\.row) == [2])
    }
}
