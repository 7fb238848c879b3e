extension StudentField {
    /// How many columns there are: the length of a list by ``position``.
    public static let columnCount = allCases.count

    /// The column's place in ``allCases``: ``StudentRecord/parse(_:)`` keeps a row's cleaned
    /// cells in a list by this place and reads each several times. A dictionary keyed by column
    /// hashed the key at every read, about fifty a row (a tenth of the gateway's checks of an
    /// import, docs/performance.md). `ImportColumnTests` checks it against `allCases`.
    public var position: Int {
        switch self {
        case .name: 0
        case .sex: 1
        case .birthDate: 2
        case .idNumber: 3
        case .studentNumber: 4
        case .schoolCode: 5
        case .grade: 6
        case .className: 7
        case .enrolledOn: 8
        case .householdRegion: 9
        case .attendance: 10
        case .registeredPoor: 11
        case .subsistence: 12
        case .disability: 13
        case .leftBehind: 14
        case .guardianName: 15
        case .guardianPhone: 16
        case .householdType: 17
        case .orphan: 18
        case .unattended: 19
        case .idType: 20
        case .member1Name: 21
        case .member1Phone: 22
        case .member1Guardian: 23
        case .member2Name: 24
        case .member2Phone: 25
        case .member2Guardian: 26
        }
    }
}
