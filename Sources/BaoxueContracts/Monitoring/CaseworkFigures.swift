/// The persuasion-return casework of a year (劝返): how cases ended, what caused the ones opened,
/// the home visits made (and under which campaign, e.g. 千名教师访万家), and the steps of the
/// legal ladder taken (依法控辍).
public struct CaseworkFigures: Codable, Sendable, Equatable {
    /// Cases that ended in the year, by outcome: returned (劝返复学) or closed otherwise.
    public var outcomes: [OutcomeCount]
    /// Cases opened or reopened in the year, by each cause they name (a case with two causes
    /// counts under both; `nil` when it names none yet).
    public var causes: [CauseCount]
    /// Home visits dated in the year, and the cases they were for.
    public var visits: Int
    public var visitedCases: Int
    public var campaigns: [CampaignCount]
    public var legalSteps: [StepCount]

    public struct OutcomeCount: Codable, Sendable, Equatable {
        public var outcome: CaseOutcome
        public var count: Int
        public init(outcome: CaseOutcome, count: Int) { self.outcome = outcome; self.count = count }
    }

    public struct CauseCount: Codable, Sendable, Equatable {
        public var cause: DropoutCause?
        public var count: Int
        public init(cause: DropoutCause?, count: Int) { self.cause = cause; self.count = count }
    }

    public struct CampaignCount: Codable, Sendable, Equatable {
        public var campaign: String
        public var visits: Int
        public init(campaign: String, visits: Int) { self.campaign = campaign; self.visits = visits }
    }

    public struct StepCount: Codable, Sendable, Equatable {
        public var step: LegalStep
        public var count: Int
        public init(step: LegalStep, count: Int) { self.step = step; self.count = count }
    }

    public init(outcomes: [OutcomeCount] = [], causes: [CauseCount] = [], visits: Int = 0, visitedCases: Int = 0, campaigns: [CampaignCount] = [], legalSteps: [StepCount] = []) {
        self.outcomes = outcomes
        self.causes = causes
        self.visits = visits
        self.visitedCases = visitedCases
        self.campaigns = campaigns
        self.legalSteps = legalSteps
    }

    /// Cases that ended with `outcome` in the year (zero when none).
    public func count(_ outcome: CaseOutcome) -> Int { outcomes.first { $0.outcome == outcome }?.count ?? 0 }
}
