/// One document scored: its party's figures and each target's result. `met` is true when every
/// target is met, false when any is not, nil when none could be assessed.
public struct TargetScore: Codable, Sendable, Equatable {
    public var document: TargetDocument
    public var figures: TargetFigures
    public var results: [TargetResult]
    public var met: Bool?

    public init(document: TargetDocument, figures: TargetFigures, results: [TargetResult], met: Bool?) {
        self.document = document
        self.figures = figures
        self.results = results
        self.met = met
    }
}
