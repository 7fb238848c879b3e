/// The rules that raise alerts, each an alert kind: the monitoring rules of DOMAIN.md ("Dynamic
/// monitoring"), whose number is the rule's number there, so an alert can be traced to the rule
/// that raised it; and the subsidy service's coverage rules ("Student subsidies": 不漏一人),
/// numbered 0.
public enum AlertRule: String, Codable, Sendable, CaseIterable {
    /// 1. A dropout was reported: a case opens at once.
    case dropoutReported
    /// 2. Transferred out inside the county and not received by any school in time (转出未转入).
    case transferNotReceived
    /// 3. Suspension past its end date plus the grace days, with no resumption.
    case suspensionOverdue
    /// 4. Unexplained absences: more than N consecutive school days, or M in a window (early warning).
    case absenceWarning
    /// 4. Unexplained absence for 20 consecutive school days: treated as a dropout, a case opens.
    case absenceDropout
    /// 5. A cross-check found a suspected dropout.
    case crosscheckSuspect
    /// 6. An open case with no visit for N days, or open longer than M days: escalated to the county.
    case caseStalled
    /// Registry completeness (手续完备): a status change recorded without all its documents and
    /// still incomplete after a number of school days (`monitor.thresholds.documentsGraceSchoolDays`, 10).
    case documentsIncomplete
    /// Care (关爱): a child on the left-behind ledger without a surrogate parent after the grace
    /// days (14).
    case surrogateMissing
    /// Care: a surrogate parent has not been in touch with a child for the period (14 days).
    case contactOverdue
    /// Subsidy: an eligible child whom a batch of the term missed (应助未助).
    case subsidyUnpaid
    /// Subsidy: a payment the bank returned, not yet reissued.
    case subsidyPaymentFailed

    public var number: Int {
        switch self {
        case .dropoutReported: 1
        case .transferNotReceived: 2
        case .suspensionOverdue: 3
        case .absenceWarning, .absenceDropout: 4
        case .crosscheckSuspect: 5
        case .caseStalled: 6
        // The care rules are not among the monitoring rules DOMAIN.md numbers.
        case .surrogateMissing, .contactOverdue, .documentsIncomplete: 0
        case .subsidyUnpaid, .subsidyPaymentFailed: 0
        }
    }

    public var severity: AlertSeverity {
        switch self {
        case .absenceWarning, .crosscheckSuspect, .subsidyUnpaid, .subsidyPaymentFailed: .warning
        case .transferNotReceived, .suspensionOverdue: .warning
        case .surrogateMissing, .contactOverdue, .documentsIncomplete: .warning
        case .dropoutReported, .absenceDropout, .caseStalled: .urgent
        }
    }

    public func label(_ language: Language) -> String {
        switch self {
        case .dropoutReported: language.pick("报告辍学", "dropout reported")
        case .transferNotReceived: language.pick("转出未转入", "transferred out, not received")
        case .suspensionOverdue: language.pick("休学逾期未复学", "suspension overdue")
        case .absenceWarning: language.pick("无故缺课预警", "unexplained absences")
        case .absenceDropout: language.pick("连续缺课视同辍学", "absent four weeks: treated as dropout")
        case .crosscheckSuspect: language.pick("比对疑似失学", "cross-check suspect")
        case .caseStalled: language.pick("劝返案件停滞，上报县级", "case stalled: escalated to the county")
        case .documentsIncomplete: language.pick("学籍变动手续不全", "status change documents incomplete")
        case .surrogateMissing: language.pick("留守儿童未落实代理家长", "left-behind child without a surrogate parent")
        case .contactOverdue: language.pick("代理家长逾期未联系", "surrogate parent's contact overdue")
        case .subsidyUnpaid: language.pick("应助未助", "eligible for aid, not paid")
        case .subsidyPaymentFailed: language.pick("资助发放失败未补发", "aid payment failed, not reissued")
        }
    }
}
