import BaoxueCSV
import BaoxueContracts
import Delivery

// The closed sets people choose from on both faces. Those with Chinese labels accept them.
extension StatusChangeKind: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
}

extension StudentStatus: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
}

extension AlertState: FormChoice {}
extension AlertRule: FormChoice {}
extension CaseState: FormChoice {}
extension LedgerKind: FormChoice {}
extension DeliveryState: FormChoice {}
extension ServiceName: FormChoice {}

extension SuspectState: FormChoice {
    public init?(typed text: String) {
        guard let value = SuspectState(rawValue: TextNormalization.field(text)) ?? SuspectState.allCases.first(where: { $0.label(.zh) == TextNormalization.field(text) }) else { return nil }
        self = value
    }
}

extension DropoutCause: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
    public static var choices: String { accepted }
}

extension CaseMeasure: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
    public static var choices: String { accepted }
}

extension LegalStep: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
    public static var choices: String { accepted }
}

extension CaseOutcome: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
    public static var choices: String { accepted }
}

extension SuspectCategory: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
    public static var choices: String { accepted }
}

extension CrosscheckReason: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
    public static var choices: String { accepted }
}

extension TextEncoding: FormChoice {
    public init?(typed text: String) {
        guard let encoding = TextEncoding.named(text) else { return nil }
        self = encoding
    }
    public static var choices: String { "utf-8, gb18030, gbk" }
}

// The care service's closed sets, read by code or Chinese label.
extension LedgerState: FormChoice {}

extension LedgerReason: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
    public static var choices: String { accepted }
}

extension ParentSituation: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
    public static var choices: String { accepted }
}

extension GuardianRelation: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
    public static var choices: String { accepted }
}

extension GuardianHealth: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
    public static var choices: String { accepted }
}

extension SurrogateKind: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
    public static var choices: String { accepted }
}

extension ContactWay: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
    public static var choices: String { accepted }
}

extension ActivityKind: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
    public static var choices: String { accepted }
}

extension WishState: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
    public static var choices: String { accepted }
}
extension RosterSource: FormChoice {
    public init?(typed text: String) { self.init(label: text) }
}

extension PaymentState: FormChoice {}
