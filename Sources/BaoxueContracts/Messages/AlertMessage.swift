/// The messages every alerting service answers and publishes (``ServiceName/alerting``), with the
/// same bodies whoever raised the alert: `<service>.alerts.list|get|ack` and `<service>.alert`
/// events on topic `<service>.alert.<township>`.
public enum AlertMessage {
    /// Alerts within the actor's scope, newest first.
    public static func list(_ service: ServiceName) -> Message<AlertQuery, [Alert]> { Message("\(service).alerts.list") }
    /// One alert by its id within `service`.
    public static func get(_ service: ServiceName) -> Message<RecordID, Alert> { Message("\(service).alerts.get") }
    /// Acknowledges an alert (签收): seen, and acted on.
    public static func acknowledge(_ service: ServiceName) -> Message<AlertAcknowledgement, Alert> { Message("\(service).alerts.ack") }
    /// The type of `service`'s alert events; their topic is this plus `.<township>`.
    public static func event(_ service: ServiceName) -> String { "\(service).alert" }
}
