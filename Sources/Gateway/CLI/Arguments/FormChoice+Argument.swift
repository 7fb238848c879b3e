import ArgumentParser
import BaoxueCSV
import BaoxueContracts
import Delivery

/// Closed sets are the types of the CLI's options: `--kind 辍学` and `--kind dropOut` read as the
/// HTTP forms read them (``FormChoice/init(typed:)``), anything else is a usage error (exit 2, as
/// HTTP answers 400), and `--help` lists the codes.
extension ExpressibleByArgument where Self: FormChoice {
    public init?(argument: String) {
        self.init(typed: argument)
    }
}

extension StatusChangeKind: ExpressibleByArgument {}
extension StudentStatus: ExpressibleByArgument {}
extension AlertState: ExpressibleByArgument {}
extension AlertRule: ExpressibleByArgument {}
extension CaseState: ExpressibleByArgument {}
extension LedgerKind: ExpressibleByArgument {}
extension DeliveryState: ExpressibleByArgument {}
extension ServiceName: ExpressibleByArgument {}
extension SuspectState: ExpressibleByArgument {}
extension SuspectCategory: ExpressibleByArgument {}
extension CrosscheckReason: ExpressibleByArgument {}
extension LegalStep: ExpressibleByArgument {}
extension CaseOutcome: ExpressibleByArgument {}
extension TextEncoding: ExpressibleByArgument {}
extension LedgerState: ExpressibleByArgument {}
extension LedgerReason: ExpressibleByArgument {}
extension ParentSituation: ExpressibleByArgument {}
extension GuardianRelation: ExpressibleByArgument {}
extension GuardianHealth: ExpressibleByArgument {}
extension SurrogateKind: ExpressibleByArgument {}
extension ContactWay: ExpressibleByArgument {}
extension ActivityKind: ExpressibleByArgument {}
extension WishState: ExpressibleByArgument {}
extension RosterSource: ExpressibleByArgument {}
extension PaymentState: ExpressibleByArgument {}

// Closed sets of the CLI alone (users and webhooks are managed on the gateway's host): their
// codes, as `--help` lists them.
extension Role: ExpressibleByArgument {}
extension WebhookKind: ExpressibleByArgument {}
