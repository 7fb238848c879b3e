/// One case in full: summary, visits, legal steps, teaching sessions, the family's other
/// children (一家一案), and the append-only history of everything done on it.
public struct CaseFile: Codable, Sendable {
    public var summary: CaseSummary
    public var visits: [CaseVisit]
    public var steps: [CaseStep]
    public var teaching: [TeachingSession]
    public var siblings: [SiblingStatus]
    public var history: [CaseHistoryEntry]
    /// Lessons a year the province asks of home-delivered teaching (monitor.teachingLessonsPerYear).
    public var teachingQuota: Int

    public init(summary: CaseSummary, visits: [CaseVisit], steps: [CaseStep], teaching: [TeachingSession], siblings: [SiblingStatus], history: [CaseHistoryEntry], teachingQuota: Int) {
        self.summary = summary
        self.visits = visits
        self.steps = steps
        self.teaching = teaching
        self.siblings = siblings
        self.history = history
        self.teachingQuota = teachingQuota
    }
}

public struct CaseVisit: Codable, Sendable, Equatable {
    public var date: CivilDate
    public var visitors: [String]
    public var outcome: String
    public var nextVisit: CivilDate?
    public var campaign: String?
    public var recordedBy: String

    public init(date: CivilDate, visitors: [String], outcome: String, nextVisit: CivilDate?, campaign: String?, recordedBy: String) {
        self.date = date
        self.visitors = visitors
        self.outcome = outcome
        self.nextVisit = nextVisit
        self.campaign = campaign
        self.recordedBy = recordedBy
    }
}

public struct CaseStep: Codable, Sendable, Equatable {
    public var step: LegalStep
    public var date: CivilDate
    public var note: String?
    public var recordedBy: String

    public init(step: LegalStep, date: CivilDate, note: String?, recordedBy: String) {
        self.step = step
        self.date = date
        self.note = note
        self.recordedBy = recordedBy
    }
}

public struct TeachingSession: Codable, Sendable, Equatable {
    public var date: CivilDate
    public var teacher: String
    public var lessons: Int
    public var recordedBy: String

    public init(date: CivilDate, teacher: String, lessons: Int, recordedBy: String) {
        self.date = date
        self.teacher = teacher
        self.lessons = lessons
        self.recordedBy = recordedBy
    }
}

/// Another child of the same family (same guardian phone, or same guardian and household region).
public struct SiblingStatus: Codable, Sendable, Equatable {
    public var name: String
    public var student: String
    public var school: String
    public var grade: Int
    public var status: StudentStatus
    public var openCase: Int64?

    public init(name: String, student: String, school: String, grade: Int, status: StudentStatus, openCase: Int64?) {
        self.name = name
        self.student = student
        self.school = school
        self.grade = grade
        self.status = status
        self.openCase = openCase
    }
}

/// One thing done on a case, in order, never edited.
public struct CaseHistoryEntry: Codable, Sendable, Equatable {
    public var at: String
    public var actor: String
    /// `opened`, `assigned`, `planned`, `visit`, `step`, `teaching`, `closed`, `probation`,
    /// `reopened`, `escalated`.
    public var kind: String
    public var detail: String

    public init(at: String, actor: String, kind: String, detail: String) {
        self.at = at
        self.actor = actor
        self.kind = kind
        self.detail = detail
    }
}
