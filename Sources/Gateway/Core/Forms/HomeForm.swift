import BaoxueContracts

/// A school's home for left-behind children (留守儿童之家), recorded or updated.
struct HomeForm: JSONForm, Equatable {
    var school: String
    var name: String
    var openedOn: String
    var rooms: Int
    var phones: Int?
    var videoDevices: Int?
    var books: Int?
    var inCharge: String
    var inChargePhone: String?

    static let fields: Set<String> = ["school", "name", "openedOn", "rooms", "phones", "videoDevices", "books", "inCharge", "inChargePhone"]

    func request() throws(ServiceError) -> HomeRequest {
        guard let school = try FormField.code(school, "school", digits: 10) else { throw FormField.required("school") }
        guard let opened = try FormField.date(openedOn, "openedOn") else { throw FormField.required("openedOn") }
        return HomeRequest(
            school: school, name: TextNormalization.field(name), openedOn: opened, rooms: rooms, phones: phones ?? 0, videoDevices: videoDevices ?? 0, books: books ?? 0,
            inCharge: CareContact(name: TextNormalization.field(inCharge), phone: try FormField.phone(inChargePhone, "inChargePhone")))
    }
}
