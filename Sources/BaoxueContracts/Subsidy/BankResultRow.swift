/// One line of a bank's result file: a payment credited, or returned with a reason.
public struct BankResultRow: Codable, Sendable, Equatable {
    /// The payment's id (支付编号).
    public var payment: Int64
    /// When the file has it: checked against the payment's child.
    public var idNumber: IDNumber?
    /// When the file has it, in fen: checked against the payment's amount.
    public var amountFen: Int64?
    /// ``PaymentState/paid`` or ``PaymentState/failed``.
    public var outcome: PaymentState
    public var reason: String?
    public var settledOn: CivilDate?

    public init(payment: Int64, idNumber: IDNumber? = nil, amountFen: Int64? = nil, outcome: PaymentState, reason: String? = nil, settledOn: CivilDate? = nil) {
        self.payment = payment
        self.idNumber = idNumber
        self.amountFen = amountFen
        self.outcome = outcome
        self.reason = reason
        self.settledOn = settledOn
    }

    /// Reads one row, each problem with its column. A failure needs its reason (the county must
    /// know what to correct before reissuing).
    public static func parse(_ fields: [BankResultField: String]) -> Result<BankResultRow, RecordProblems> {
        var problems: [FieldProblem] = []
        func text(_ field: BankResultField) -> String { TextNormalization.field(fields[field] ?? "") }
        func problem(_ field: BankResultField, _ reason: String) { problems.append(FieldProblem(field: field.header, reason: reason)) }
        for field in BankResultField.allCases where text(field).isLonger(than: field.maxLength) {
            problem(field, "超过\(field.maxLength)个字符 (longer than \(field.maxLength) characters)")
        }
        let reference = text(.payment)
        let payment = reference.utf8.count <= 18 && reference.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) ? Int64(reference) : nil
        if payment == nil || payment! <= 0 { problem(.payment, "支付编号应为正整数，实为“\(reference)” (the payment reference must be a positive whole number)") }
        var idNumber: IDNumber?
        if !text(.idNumber).isEmpty {
            do { idNumber = try IDNumber(validating: text(.idNumber)) } catch { problem(.idNumber, error.message) }
        }
        var amountFen: Int64?
        if !text(.amount).isEmpty {
            amountFen = parseYuan(text(.amount))
            if amountFen == nil { problem(.amount, "金额应为元，最多两位小数，如1250.00 (amount in yuan with at most two decimals, e.g. 1250.00)") }
        }
        let outcome = parseOutcome(text(.outcome))
        if outcome == nil { problem(.outcome, "处理结果应为成功或失败，实为“\(text(.outcome))” (outcome must be 成功 or 失败)") }
        let reason = text(.reason).isEmpty ? nil : text(.reason)
        if outcome == .failed, reason == nil { problem(.reason, "失败须写明原因 (a failure needs its reason)") }
        var settledOn: CivilDate?
        if !text(.date).isEmpty {
            // Banks write a date, or a date and time.
            settledOn = CivilDate(parsing: String(text(.date).prefix(10))) ?? CivilDate(parsing: text(.date))
            if settledOn == nil { problem(.date, "日期无效 (not a date, expected YYYY-MM-DD)") }
        }
        guard problems.isEmpty, let payment, let outcome else { return .failure(RecordProblems(problems)) }
        return .success(BankResultRow(payment: payment, idNumber: idNumber, amountFen: amountFen, outcome: outcome, reason: outcome == .failed ? reason : nil, settledOn: settledOn))
    }

    /// `1250`, `1,250.00`, `￥1250.5`, `1250.00元` → fen, read as text (never as a float).
    public static func parseYuan(_ text: String) -> Int64? {
        var body = Substring(TextNormalization.field(text).filter { $0 != "," })
        for prefix in ["¥", "￥", "rmb", "RMB"] where body.hasPrefix(prefix) { body = body.dropFirst(prefix.count) }
        if body.hasSuffix("元") { body = body.dropLast() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 12,
            whole.allSatisfy({ $0.isASCII && $0.isNumber }), let yuan = Int64(whole)
        else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int64(fraction) else { return nil }
            cents = fraction.count == 1 ? value * 10 : value
        }
        return yuan * 100 + cents
    }

    /// 成功/已到账/入账成功/success → paid; 失败/退回/退票/failed → failed.
    public static func parseOutcome(_ text: String) -> PaymentState? {
        switch text.lowercased() {
        case "成功", "已到账", "到账", "入账成功", "交易成功", "发放成功", "代发成功", "success", "succeeded", "paid", "s": .paid
        case "失败", "退回", "退票", "已退回", "入账失败", "交易失败", "发放失败", "代发失败", "failure", "failed", "fail", "f": .failed
        default: nil
        }
    }
}
