import BaoxueContracts
import Foundation
import Testing

/// A status change request is written and read without `Codable` on the hot path (the gateway
/// and the benchmarks write it, the registry reads it): both must agree with `Codable` exactly.
@Suite struct StatusChangeRequestCodingTests {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let requests: [StatusChangeRequest] = [
        StatusChangeRequest(student: "G11010519491231002X", kind: .dropOut, date: CivilDate(parsing: "2026-11-28")!, documents: ["学校报告", "家长\"说明\"/"], causes: [.weariness, .poverty], reason: "厌学\n家庭困难"),
        StatusChangeRequest(student: "11010519491231002X", kind: .suspend, date: CivilDate(parsing: "2026-09-01")!),
        StatusChangeRequest(student: "S001", kind: .transferOut, date: CivilDate(parsing: "2026-10-08")!, documents: ["转学申请"], toSchool: "2510123002", outOfCounty: false, expectedEnd: CivilDate(parsing: "2027-06-30"), grade: 7),
    ]

    @Test(arguments: requests.indices)
    func aRequestWritesAndReadsAsCodableDoes(index: Int) throws {
        let request = Self.requests[index]
        let bytes = request.jsonBytes()
        #expect(bytes == Array(try Self.encoder.encode(request)))
        let read = try StatusChangeRequest(json: try JSONReader.parse(bytes), path: "")
        let decoded = try JSONDecoder().decode(StatusChangeRequest.self, from: Data(bytes))
        #expect(try Self.encoder.encode(read) == Self.encoder.encode(decoded))
        #expect(read.jsonBytes() == bytes)
    }

    /// As `init(from:)`: documents may be left out, an unknown cause is kept aside by name (the
    /// registry refuses it with the choices), a bad kind or date names its field.
    @Test func leniencyAndRefusalsMatchCodable() throws {
        let plain = try StatusChangeRequest(json: try JSONReader.parse(Array(#"{"student":"x","kind":"suspend","date":"2026-11-02"}"#.utf8)), path: "")
        #expect(plain.documents.isEmpty && plain.causes == nil && plain.unknownCauses.isEmpty)
        let unknown = try StatusChangeRequest(json: try JSONReader.parse(Array(#"{"student":"x","kind":"dropOut","date":"2026-11-02","causes":["poverty","wandering"]}"#.utf8)), path: "")
        let viaCodable = try JSONDecoder().decode(StatusChangeRequest.self, from: Data(#"{"student":"x","kind":"dropOut","date":"2026-11-02","causes":["poverty","wandering"]}"#.utf8))
        #expect(unknown.causes == [.poverty] && unknown.unknownCauses == ["wandering"])
        #expect(viaCodable.causes == unknown.causes && viaCodable.unknownCauses == unknown.unknownCauses)
        for (json, field) in [(#"{"student":"x","kind":"vanish","date":"2026-11-02"}"#, "kind"), (#"{"student":"x","kind":"suspend","date":"2026-13-02"}"#, "date"), (#"{"kind":"suspend","date":"2026-11-02"}"#, "student"), (#"{"student":"x","kind":"suspend","date":"2026-11-02","grade":"7"}"#, "grade")] {
            #expect(throws: (any Error).self) { try JSONDecoder().decode(StatusChangeRequest.self, from: Data(json.utf8)) }
            do {
                _ = try StatusChangeRequest(json: try JSONReader.parse(Array(json.utf8)), path: "")
                Issue.record("\(json) was read")
            } catch {
                #expect("\(error)".contains(field))
            }
        }
    }
}
