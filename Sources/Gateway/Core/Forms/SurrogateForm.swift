import BaoxueContracts

/// A surrogate parent (代理家长) registered with a school or a village.
struct SurrogateForm: JSONForm, Equatable {
    var name: String
    var kind: String
    var phone: String?
    var school: String?
    var village: String?

    static let fields: Set<String> = ["name", "kind", "phone", "school", "village"]

    func request() throws(ServiceError) -> SurrogateRequest {
        guard let kind: SurrogateKind = try FormField.choice(kind, "kind") else { throw FormField.required("kind") }
        return SurrogateRequest(
            name: FieldParsing.personName(name) ?? "", kind: kind, phone: try FormField.phone(phone, "phone"),
            school: try FormField.code(school, "school", digits: 10), village: try FormField.code(village, "village", digits: 12))
    }
}
