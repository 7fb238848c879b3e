/// A micro-wish as donors see it (`care.wishes.donor`): the child's given name (名, never the
/// surname), grade and school name, the wish and its value. Never the ID or student number, the
/// full name, the village or the guardian: the list is posted where anyone can read it.
public struct DonorWish: Codable, Sendable, Equatable {
    public var id: Int64
    public var givenName: String
    public var grade: Int
    public var schoolName: String
    public var wish: String
    public var value: Int
    public var state: WishState
    public var postedOn: CivilDate

    public init(id: Int64, givenName: String, grade: Int, schoolName: String, wish: String, value: Int, state: WishState, postedOn: CivilDate) {
        self.id = id
        self.givenName = givenName
        self.grade = grade
        self.schoolName = schoolName
        self.wish = wish
        self.value = value
        self.state = state
        self.postedOn = postedOn
    }
}
