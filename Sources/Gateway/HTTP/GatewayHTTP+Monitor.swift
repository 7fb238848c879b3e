import BaoxueContracts
import Hummingbird

/// The monitoring service's routes: absences, alerts, cases.
extension GatewayHTTP {
    static func addMonitorRoutes(to api: RouterGroup<GatewayRequestContext>, operations: Operations) {
    }
}
