/// `case open STUDENT`: a case opened by hand (cases also open by themselves, DOMAIN.md rule 1/4/5).
public struct OpenCaseRequest: Codable, Sendable {
    /// ID number or student number.
    public var student: String
    public var causes: [DropoutCause]
    public var note: String?

    public init(student: String, causes: [DropoutCause] = [], note: String? = nil) {
        self.student = student
        self.causes = causes
        self.note = note
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        student = try c.decode(String.self, forKey: .student)
        causes = try c.decodeIfPresent([DropoutCause].self, forKey: .causes) ?? []
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}

/// `case assign ID`: the dual-line pair (双线控辍), a township official and a school teacher. A
/// case cannot move on until it has both.
public struct AssignCaseRequest: Codable, Sendable {
    public var id: Int64
    public var townshipOfficial: String?
    public var schoolTeacher: String?

    public init(id: Int64, townshipOfficial: String? = nil, schoolTeacher: String? = nil) {
        self.id = id
        self.townshipOfficial = townshipOfficial
        self.schoolTeacher = schoolTeacher
    }
}

/// `case plan ID`: causes and measures (一生一策). Replaces the previous plan; history keeps it.
public struct PlanCaseRequest: Codable, Sendable {
    public var id: Int64
    public var causes: [DropoutCause]
    public var measures: [CaseMeasure]
    public var note: String?

    public init(id: Int64, causes: [DropoutCause], measures: [CaseMeasure], note: String? = nil) {
        self.id = id
        self.causes = causes
        self.measures = measures
        self.note = note
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        causes = try c.decodeIfPresent([DropoutCause].self, forKey: .causes) ?? []
        measures = try c.decodeIfPresent([CaseMeasure].self, forKey: .measures) ?? []
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}

/// `case visit ID`: one home visit (上门劝返).
public struct VisitRequest: Codable, Sendable {
    public var id: Int64
    public var date: CivilDate
    public var visitors: [String]
    public var outcome: String
    public var nextVisit: CivilDate?
    /// A campaign such as 千名教师访万家, counted by tag.
    public var campaign: String?

    public init(id: Int64, date: CivilDate, visitors: [String], outcome: String, nextVisit: CivilDate? = nil, campaign: String? = nil) {
        self.id = id
        self.date = date
        self.visitors = visitors
        self.outcome = outcome
        self.nextVisit = nextVisit
        self.campaign = campaign
    }
}

/// `case step ID`: a dated rung of the legal ladder.
public struct LegalStepRequest: Codable, Sendable {
    public var id: Int64
    public var step: LegalStep
    public var date: CivilDate
    public var note: String?

    public init(id: Int64, step: LegalStep, date: CivilDate, note: String? = nil) {
        self.id = id
        self.step = step
        self.date = date
        self.note = note
    }
}

/// `case teach ID`: one home-delivered teaching session (送教上门).
public struct TeachingRequest: Codable, Sendable {
    public var id: Int64
    public var date: CivilDate
    public var teacher: String
    public var lessons: Int

    public init(id: Int64, date: CivilDate, teacher: String, lessons: Int) {
        self.id = id
        self.date = date
        self.teacher = teacher
        self.lessons = lessons
    }
}

/// `case close ID --outcome`: closure (销号), with proof where the outcome needs it.
public struct CloseCaseRequest: Codable, Sendable {
    public var id: Int64
    public var outcome: CaseOutcome
    public var date: CivilDate?
    public var proof: String?

    public init(id: Int64, outcome: CaseOutcome, date: CivilDate? = nil, proof: String? = nil) {
        self.id = id
        self.outcome = outcome
        self.date = date
        self.proof = proof
    }
}

/// Which cases to list. Scope narrows township and school further.
public struct CaseQuery: Codable, Sendable {
    public var township: String?
    public var school: String?
    /// nil: open and probation.
    public var state: CaseState?
    public var limit: Int

    public init(township: String? = nil, school: String? = nil, state: CaseState? = nil, limit: Int = 100) {
        self.township = township
        self.school = school
        self.state = state
        self.limit = limit
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        township = try c.decodeIfPresent(String.self, forKey: .township)
        school = try c.decodeIfPresent(String.self, forKey: .school)
        state = try c.decodeIfPresent(CaseState.self, forKey: .state)
        limit = try c.decodeIfPresent(Int.self, forKey: .limit) ?? 100
    }
}
