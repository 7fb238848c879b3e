@testable import BaoxueContracts
import Testing

/// A student batch is read straight from its text, its records by their keys' places (decision
/// 150). It must come out exactly as from the body's tree: the same rows, the same invalid rows
/// with the same reasons, and the same errors for what is not a batch.
@Suite struct ImportBatchReadingTests {
    static let record = #"{"name":"王䶮","sex":"female","birthDate":"2014-03-01","idNumber":"510123201403011240","studentNumber":"G510123201403011240","schoolCode":"5101230001","grade":3}"#
    static let other = #"{"grade":4,"schoolCode":"5101230001","studentNumber":"G11010519491231002X","birthDate":"1949-12-31","sex":"male","name":"阿依古丽·买买提","attendance":"住校","registeredPoor":true,"guardianPhone":null,"disability":"视力","leftBehind":"双亲留守","householdType":"农业户口","orphan":false,"unattended":true,"className":"3班\n\"甲\"","enrolledOn":"2020-09","householdRegion":"510123","guardianName":"买\u4e70提"}"#

    static let bodies: [String] = [
        #"{"rows":[{"record":\#(record),"row":2},{"record":\#(other),"row":3}]}"#,
        // Spaces, reordered keys, unknown members of every shape, at every level.
        " \n{ \"extra\" : [1, {\"a\": null}], \"rows\" : [ { \"row\" : 2 , \"note\": {\"x\": [true]}, \"record\" : \(record) } ] , \"more\": \"x\" } \r\n",
        // Keys given twice: the first counts, at every level.
        #"{"rows":[{"row":5,"row":6,"record":\#(record),"record":{"name":"y"}}],"rows":[]}"#,
        #"{"rows":[{"row":5,"record":{"name":"甲","name":"乙","sex":"female","birthDate":"2014-03-01","studentNumber":"G510123201403011240","schoolCode":"5101230001","grade":3,"grade":"x"}}]}"#,
        // Rows that do not read, each said as from the tree.
        #"{"rows":[{"row":7,"record":{"name":"y"}},42,null,[1],"s",{"record":\#(record)},{"row":"8","record":\#(record)},{"row":9.5,"record":\#(record)},{"row":10},{"row":11,"record":null},{"row":12,"record":"text"},{"row":13,"record":[1]},{"row":14,"record":{"name":"x","sex":"female","birthDate":"2014-03-01","studentNumber":"G510123201403011240","schoolCode":"5101230001","grade":3,"idNumber":"510123201403011241"}}]}"#,
        #"{"rows":[]}"#,
        // Not batches: each refused with the tree's error.
        #"[1,2]"#, #"null"#, #"{}"#, #"{"rows":null}"#, #"{"rows":{}}"#, #"{"rows":[]} x"#, #"{"rows":["#, #"{"rows":[{"row":1,"record":\#(record)},]}"#,
        #"{"rows":[{"row":1,"record":{"name":"x",}}]}"#, "", "{\"rows\":[{\"row\":1,\"record\":{\"name\":\"a\u{01}\"}}]}",
    ]

    /// Batches (the first six bodies) are read from their text, not read again as a tree; what
    /// is not a batch is refused by the text's reader and then said by the tree's.
    @Test(arguments: bodies.indices)
    func readingTheTextAgreesWithReadingTheTree(index: Int) {
        let text = Array(Self.bodies[index].utf8)
        let fromText = Result { try ImportBatch<StudentRecord>.streamed(text, StudentRecord.self) }
        #expect((try? fromText.get()) != nil || index >= 6, "body \(index) was not read from its text")
        #expect((try? fromText.get()) == nil || index < 6, "body \(index) is not a batch, yet was read")
        let streamed = Result { try ImportBatch<StudentRecord>.read(json: text) }
        let tree = Result { try ImportBatch<StudentRecord>.fromTree(text) }
        switch (index < 6 ? fromText : streamed, tree) {
        case (.success(let a), .success(let b)):
            #expect(a.rows.map(\.row) == b.rows.map(\.row))
            #expect(a.rows.map(\.record) == b.rows.map(\.record))
            #expect(a.invalidRows == b.invalidRows)
        case (.failure(let a), .failure(let b)):
            #expect("\(a)" == "\(b)")
        case (let a, let b):
            Issue.record("from the text: \(a); from the tree: \(b)")
        }
    }

    /// The cases above do read: the rows and the problems they are meant to have.
    @Test func theCasesMeanWhatTheySay() throws {
        let first = try ImportBatch<StudentRecord>.read(json: Array(Self.bodies[0].utf8))
        #expect(first.rows.map(\.row) == [2, 3])
        #expect(first.rows[1].record.name == "阿依古丽·买买提")
        #expect(first.rows[1].record.guardianName == "买买提")
        #expect(first.rows[1].record.className == "3班\n\"甲\"")
        let twice = try ImportBatch<StudentRecord>.read(json: Array(Self.bodies[2].utf8))
        #expect(twice.rows.map(\.row) == [5])
        #expect(twice.rows.first?.record.name == "王䶮")
        let bad = try ImportBatch<StudentRecord>.read(json: Array(Self.bodies[4].utf8))
        #expect(bad.rows.isEmpty)
        #expect(bad.invalidRows.map(\.row) == [7, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14])
        #expect(bad.invalidRows[0].reason == "missing field rows[0].record.sex")
        #expect(bad.invalidRows[1].reason == "field rows[1]: expected an object")
        #expect(bad.invalidRows[9].reason == "missing field rows[9].record")
        #expect(bad.invalidRows[12].reason.contains("rows[12].record.idNumber"))
    }
}
