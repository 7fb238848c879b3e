/// The gateway's own codes: users, the audit log, webhooks and alert deliveries.
extension ErrorCode {
    public static let userNotFound = ErrorCode("user.notFound", .notFound)
    public static let userInvalid = ErrorCode("user.invalid", .refused)
    public static let userExists = ErrorCode("user.exists", .conflict)

    public static let auditBadSince = ErrorCode("audit.badSince", .refused)

    public static let webhookNotFound = ErrorCode("webhook.notFound", .notFound)
    public static let webhookInvalid = ErrorCode("webhook.invalid", .refused)
    public static let webhookInvalidURL = ErrorCode("webhook.invalidURL", .refused)
    public static let webhookExists = ErrorCode("webhook.exists", .conflict)
    /// A webhook from the configuration file, which only the file can change.
    public static let webhookFromConfig = ErrorCode("webhook.fromConfig", .conflict)

    public static let deliveryNotFound = ErrorCode("delivery.notFound", .notFound)
    public static let deliveryNotResendable = ErrorCode("delivery.notResendable", .conflict)
    public static let deliveryWebhookRemoved = ErrorCode("delivery.webhookRemoved", .conflict)

    /// A summary figure that is not a number in its key's unit, or a county name that is empty.
    public static let reportInputInvalid = ErrorCode("report.inputInvalid", .refused)
    /// No figure of that key was entered for the year (`DELETE /api/v1/reports/inputs/...`).
    public static let reportInputNotFound = ErrorCode("report.inputNotFound", .notFound)
    /// The Word document could not be made: the converter (Debian's `pandoc`) is missing or failed.
    public static let reportConverterFailed = ErrorCode("report.converterFailed", .internal)
}
