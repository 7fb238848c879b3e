/// A JSON scalar read as text, so forms may send `"grade": 3` or `"grade": "三年级"` and
/// `"registeredPoor": true` or `"是"` alike; the record parser then applies one set of rules.
struct FormValue: Decodable {
    let text: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { text = "" }
        else if let string = try? container.decode(String.self) { text = string }
        else if let bool = try? container.decode(Bool.self) { text = bool ? "是" : "否" }
        else if let int = try? container.decode(Int.self) { text = String(int) }
        // A number too large for Int, or with a fraction: the record parser says why it is wrong.
        else if let double = try? container.decode(Double.self) { text = String(double) }
        else {
            throw DecodingError.typeMismatch(String.self, .init(codingPath: decoder.codingPath, debugDescription: "expected a string, number or boolean"))
        }
    }
}
