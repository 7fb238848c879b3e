/// `care.wishes.fulfil`: the child received what they wished for.
public struct WishFulfilment: Codable, Sendable, Equatable {
    public var id: Int64
    public var note: String?
    /// Where a photo of the handover is kept (a file name or a link), optional.
    public var photo: String?
    public var date: CivilDate?

    public init(id: Int64, note: String? = nil, photo: String? = nil, date: CivilDate? = nil) {
        self.id = id
        self.note = note
        self.photo = photo
        self.date = date
    }
}
