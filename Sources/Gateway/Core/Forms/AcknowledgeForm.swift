import BaoxueContracts

/// An alert acknowledged (签收), with an optional note.
struct AcknowledgeForm: JSONForm, Equatable {
    var note: String?
    /// Whose alert: the monitor's unless it names another alerting service.
    var service: String?

    static let fields: Set<String> = ["note", "service"]

    func alertingService() throws(ServiceError) -> ServiceName { try FormField.alertingService(service) }

    func request(id: Int64) -> AlertAcknowledgement {
        AlertAcknowledgement(id: id, note: note)
    }
}
