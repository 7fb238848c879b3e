import BaoxueContracts

/// A signed responsibility document (`POST /api/v1/targets`, `baoxue target add`). Present
/// fields must have their JSON type: an explicit `null` is refused like any wrong type (400),
/// since the document allows none and a dropped field must never pass for an absent one. Whether the values make sense (codes, years,
/// dates, names) is the monitor's to say, with 422 `target.invalid` naming the field.
struct TargetForm: JSONForm, Equatable {
    var year: Int
    var township: String?
    var school: String?
    var maxDropouts: Int?
    var minEnrolmentRate: Double?
    var maxOpenCases: Int?
    var signedBy: [String]
    var signedOn: String
    var replace: Bool?
    var note: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case year, township, school, maxDropouts, minEnrolmentRate, maxOpenCases, signedBy, signedOn, replace, note
    }

    static let fields = Set(CodingKeys.allCases.map(\.rawValue))

    /// The request, with `signedOn` read strictly as `YYYY-MM-DD` (the document's pattern).
    func request() throws(ServiceError) -> AddTargetRequest {
        let bytes = Array(signedOn.utf8)
        let shaped = bytes.count == 10 && bytes[4] == 0x2D && bytes[7] == 0x2D
            && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) }
        guard shaped else {
            throw ServiceError(.requestInvalid, "signedOn应为YYYY-MM-DD (signedOn must be YYYY-MM-DD)", problems: [FieldProblem(field: "signedOn", reason: "YYYY-MM-DD")])
        }
        guard let date = CivilDate(parsing: signedOn) else {
            throw ServiceError(.targetInvalid, "签订日期\(signedOn)不存在 (signedOn \(signedOn) is not a real date)", problems: [FieldProblem(field: "signedOn", reason: "不存在的日期 (no such date)")])
        }
        return AddTargetRequest(
            year: year, township: township.map(TextNormalization.field), school: school.map(TextNormalization.field), maxDropouts: maxDropouts, minEnrolmentRate: minEnrolmentRate,
            maxOpenCases: maxOpenCases, signedBy: signedBy, signedOn: date, replace: replace, note: note)
    }
}

extension TargetForm {
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func present<T: Decodable>(_ type: T.Type, _ key: CodingKeys) throws -> T? {
            container.contains(key) ? try container.decode(type, forKey: key) : nil
        }
        year = try container.decode(Int.self, forKey: .year)
        township = try present(String.self, .township)
        school = try present(String.self, .school)
        maxDropouts = try present(Int.self, .maxDropouts)
        minEnrolmentRate = try present(Double.self, .minEnrolmentRate)
        maxOpenCases = try present(Int.self, .maxOpenCases)
        signedBy = try container.decode([String].self, forKey: .signedBy)
        signedOn = try container.decode(String.self, forKey: .signedOn)
        replace = try present(Bool.self, .replace)
        note = try present(String.self, .note)
    }
}
