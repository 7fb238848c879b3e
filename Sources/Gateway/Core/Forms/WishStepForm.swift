import BaoxueContracts

/// A step of a wish's life (`POST /api/v1/care/wishes/{id}/claim|fulfil|withdraw`): one form, the
/// fields each step reads (a donor to claim, a note and photo to fulfil, a reason to withdraw).
struct WishStepForm: JSONForm, Equatable {
    var donor: String?
    var donorPhone: String?
    var note: String?
    var photo: String?
    var reason: String?
    var date: String?

    static let claimFields: Set<String> = ["donor", "donorPhone", "date"]
    static let fulfilFields: Set<String> = ["note", "photo", "date"]
    static let withdrawFields: Set<String> = ["reason", "date"]
    static let fields: Set<String> = claimFields.union(fulfilFields).union(withdrawFields)

    func claim(id: Int64) throws(ServiceError) -> WishClaim {
        guard let donor, !TextNormalization.field(donor).isEmpty else { throw FormField.required("donor") }
        return WishClaim(id: id, donor: CareContact(name: TextNormalization.field(donor), phone: try FormField.phone(donorPhone, "donorPhone")), date: try FormField.date(date, "date"))
    }

    func fulfil(id: Int64) throws(ServiceError) -> WishFulfilment {
        WishFulfilment(id: id, note: note, photo: photo, date: try FormField.date(date, "date"))
    }

    func withdraw(id: Int64) throws(ServiceError) -> WishWithdrawal {
        guard let reason, !TextNormalization.field(reason).isEmpty else { throw FormField.required("reason") }
        return WishWithdrawal(id: id, reason: reason, date: try FormField.date(date, "date"))
    }
}
