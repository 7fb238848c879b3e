/// A township or school in a table: its name beside its code (`城关镇 510123101`), because
/// people read names and operators filter and search by code. The code alone when the name is not
/// known (a registry that did not answer, a county-level household code).
enum PlaceText {
    static func named(_ name: String?, _ code: String) -> String {
        guard let name, !name.isEmpty, name != code else { return code }
        return "\(name) \(code)"
    }

    static func township(_ code: String, _ names: [String: String]) -> String {
        named(names[code], code)
    }
}
