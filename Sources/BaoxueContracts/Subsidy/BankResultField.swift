/// A column of a bank's result file (代发结果): each bank lays it out its own way, so columns are
/// found by header. The payment is named by the reference the county gave the bank (the payment's
/// id, 支付编号); the ID number and amount, when the file has them, are checked against it.
public enum BankResultField: String, ImportColumn, CaseIterable, Sendable, Codable {
    case payment, idNumber, amount, outcome, reason, date

    public var header: String {
        switch self {
        case .payment: "支付编号"
        case .idNumber: "身份证件号"
        case .amount: "金额"
        case .outcome: "处理结果"
        case .reason: "失败原因"
        case .date: "处理日期"
        }
    }

    public var aliases: [String] {
        switch self {
        case .payment: ["payment", "reference", "支付编号", "业务编号", "业务流水号", "流水号", "交易参考号", "客户参考号", "代发编号", "摘要编号"]
        case .idNumber: ["idnumber", "id_number", "身份证号", "身份证号码", "证件号码", "证件号", "收款人证件号"]
        case .amount: ["amount", "金额（元）", "金额(元)", "发放金额", "交易金额", "代发金额", "实发金额"]
        case .outcome: ["outcome", "result", "status", "结果", "交易状态", "状态", "处理状态", "代发结果", "入账结果"]
        case .reason: ["reason", "失败原因说明", "备注", "失败说明", "错误信息", "返回信息"]
        case .date: ["date", "处理时间", "入账日期", "交易日期", "记账日期"]
        }
    }

    public var isRequiredColumn: Bool { self == .payment || self == .outcome }

    public var maxLength: Int { self == .reason ? 200 : 32 }

    /// What a bank's result file carries besides (the account, the payee's name, the branch):
    /// listed as not kept, never refused.
    public static let unusedHeaders: Set<String> = Set([
        "序号", "姓名", "户名", "收款人", "收款人姓名", "账号", "卡号", "收款账号", "收款人账号", "开户行", "开户网点", "币种", "用途", "摘要", "批次号", "备注信息",
    ].map(headerKey))

    public init?(header: String) {
        let key = TextNormalization.field(header).lowercased().filter { $0 != " " && $0 != "*" }
        guard let field = BankResultField.allCases.first(where: { $0.header == key || $0.aliases.contains(key) }) else { return nil }
        self = field
    }
}
