/// The body of `PUT /api/v1/reports/inputs/{year}/{key}`: the value and an optional note. An
/// explicit `null` is a wrong type (400), as the document allows none: leave the field out.
struct ReportInputBody: JSONForm, Equatable {
    var value: String
    var note: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case value, note
    }

    static let fields = Set(CodingKeys.allCases.map(\.rawValue))

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = try container.decode(String.self, forKey: .value)
        if container.contains(.note) {
            guard try !container.decodeNil(forKey: .note) else {
                throw DecodingError.typeMismatch(String.self, .init(codingPath: [CodingKeys.note], debugDescription: "note must be a string; leave it out for none"))
            }
            note = try container.decode(String.self, forKey: .note)
        }
    }
}
