import BaoxueContracts

/// A closed set a person picks from, as typed on the command line or sent in a form: its code
/// (`dropOut`) or, where it has one, its Chinese label (`辍学`). Both faces read it with
/// ``init(typed:)`` and refuse anything else with the same list (``choices``); the CLI's options
/// are these types (`ExpressibleByArgument`), so `--help` lists them too.
public protocol FormChoice: RawRepresentable<String>, CaseIterable, Sendable {
    init?(typed text: String)
    /// Every accepted spelling, for messages.
    static var choices: String { get }
}

extension FormChoice {
    public init?(typed text: String) {
        let text = TextNormalization.field(text)
        guard let value = Self.allCases.first(where: { $0.rawValue == text }) else { return nil }
        self = value
    }

    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
