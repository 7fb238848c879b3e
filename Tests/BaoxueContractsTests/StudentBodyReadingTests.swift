@testable import BaoxueContracts
import Testing

/// An event's `Student` body is read straight from its text (decision 150): it must come out as
/// from the body's tree, and what does not read must be refused with the tree's error.
@Suite struct StudentBodyReadingTests {
    static let record = ImportBatchReadingTests.record
    static let bodies: [String] = [
        #"{"documentsIncomplete":false,"record":\#(record),"revision":1,"schoolName":"城关小学","status":"enrolled","township":"510123101","updatedAt":"2026-12-07T08:00:00.000Z"}"#,
        // Spaced out, reordered, unknown members, keys twice (the first counts), no school name.
        " {\"updatedAt\": \"2026-12-07T08:00:00.000Z\", \"x\": {\"y\": [1, null]}, \"status\": \"droppedOut\", \"status\": \"enrolled\", \"record\": \(record), \"township\": \"510123101\", \"revision\": 3, \"documentsIncomplete\": true, \"schoolName\": null } ",
        // Not students: each refused with the tree's error.
        #"{"documentsIncomplete":false,"revision":1,"status":"enrolled","township":"510123101","updatedAt":"x"}"#,
        #"{"documentsIncomplete":false,"record":null,"revision":1,"status":"enrolled","township":"510123101","updatedAt":"x"}"#,
        #"{"documentsIncomplete":false,"record":"text","revision":1,"status":"enrolled","township":"510123101","updatedAt":"x"}"#,
        #"{"documentsIncomplete":false,"record":{"name":"x"},"revision":1,"status":"enrolled","township":"510123101","updatedAt":"x"}"#,
        #"{"documentsIncomplete":false,"record":\#(record),"revision":1,"status":"gone","township":"510123101","updatedAt":"x"}"#,
        #"{"documentsIncomplete":false,"record":\#(record),"revision":1.5,"status":"enrolled","township":"510123101","updatedAt":"x"}"#,
        #"{"documentsIncomplete":"no","record":\#(record),"revision":1,"status":"enrolled","township":"510123101","updatedAt":"x"}"#,
        #"{"documentsIncomplete":false,"record":\#(record),"revision":1,"status":"enrolled","updatedAt":"x"}"#,
        #"{"documentsIncomplete":false,"record":\#(record),"revision":1,"status":"enrolled","township":"510123101","updatedAt":"x"} x"#,
        #"[1]"#, #"{"record":"#,
    ]

    @Test(arguments: bodies.indices)
    func readingTheTextAgreesWithReadingTheTree(index: Int) {
        let text = Array(Self.bodies[index].utf8)
        let fromText = Result { try Student.streamed(text) }
        #expect((try? fromText.get()) != nil || index >= 2, "body \(index) was not read from its text")
        #expect((try? fromText.get()) == nil || index < 2, "body \(index) is not a student, yet was read")
        let read = Result { try Student.read(json: text) }
        let tree = Result { try Student(json: JSONReader.parse(text), path: "") }
        switch (index < 2 ? fromText : read, tree) {
        case (.success(let a), .success(let b)): #expect(a == b)
        case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)")
        case (let a, let b): Issue.record("from the text: \(a); from the tree: \(b)")
        }
    }

    @Test func theCasesMeanWhatTheySay() throws {
        let first = try Student.read(json: Array(Self.bodies[0].utf8))
        #expect(first.record.name == "王䶮")
        #expect(first.schoolName == "城关小学")
        let second = try Student.read(json: Array(Self.bodies[1].utf8))
        #expect(second.status == .droppedOut)
        #expect(second.revision == 3)
        #expect(second.documentsIncomplete)
        #expect(second.schoolName == nil)
        #expect(throws: (any Error).self) { try Student.read(json: Array(Self.bodies[6].utf8)) }
    }
}
