/// A recorded responsibility document (目标责任书): who answers for which figures in which year.
public struct TargetDocument: Codable, Sendable, Equatable {
    public var id: Int64
    public var year: Int
    public var partyKind: TargetPartyKind
    /// The township's 9-digit or the school's 10-digit code.
    public var party: String
    /// The party's township (itself for a township): what scope is checked against.
    public var township: String
    /// The school's name (from the monitor), or the township's (added by the gateway from the
    /// registry), when known.
    public var partyName: String?
    public var maxDropouts: Int?
    public var minEnrolmentRate: Double?
    public var maxOpenCases: Int?
    /// County side first, then the party's side.
    public var signedBy: [String]
    public var signedOn: CivilDate
    public var note: String?
    public var recordedBy: String
    /// UTC, ISO 8601 with milliseconds.
    public var recordedAt: String
    /// The id of the document this one superseded, if it was a replacement.
    public var replaces: Int64?

    public init(id: Int64, year: Int, partyKind: TargetPartyKind, party: String, township: String, partyName: String?, maxDropouts: Int?, minEnrolmentRate: Double?, maxOpenCases: Int?, signedBy: [String], signedOn: CivilDate, note: String?, recordedBy: String, recordedAt: String, replaces: Int64?) {
        self.id = id
        self.year = year
        self.partyKind = partyKind
        self.party = party
        self.township = township
        self.partyName = partyName
        self.maxDropouts = maxDropouts
        self.minEnrolmentRate = minEnrolmentRate
        self.maxOpenCases = maxOpenCases
        self.signedBy = signedBy
        self.signedOn = signedOn
        self.note = note
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.replaces = replaces
    }

    /// The targets the document sets, in ``TargetKind`` order.
    public var targets: [(kind: TargetKind, value: Double)] {
        var result: [(TargetKind, Double)] = []
        if let maxDropouts { result.append((.maxDropouts, Double(maxDropouts))) }
        if let minEnrolmentRate { result.append((.minEnrolmentRate, minEnrolmentRate)) }
        if let maxOpenCases { result.append((.maxOpenCases, Double(maxOpenCases))) }
        return result
    }
}
