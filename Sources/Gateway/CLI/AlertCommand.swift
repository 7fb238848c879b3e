import ArgumentParser
import BaoxueContracts

/// `baoxue alert list|show|ack|sweep`: the monitor's alerts.
struct AlertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alert", abstract: "预警：查看、签收 (alerts: list, show, acknowledge)", subcommands: [List.self, Show.self, Ack.self, AlertWatchCommand.self, Sweep.self, Deliveries.self, Resend.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出预警，默认未解除的，最新在前 (list alerts, unresolved by default, newest first)")
        @OptionGroup var options: GlobalOptions
        @Option(help: "乡镇代码 (township code)") var township: String?
        @Option(help: "学校标识码 (school code)") var school: String?
        @Option(help: "状态 (state)") var state: AlertState?
        @Option(help: "规则 (rule)") var rule: AlertRule?
        @Option(help: "最多条数 (at most, ≤1000)") var limit: Int = 100
        @Option(help: "哪个服务的预警，默认控辍监测 (whose alerts; the monitor's by default)") var service: ServiceName?

        var form: AlertListForm { AlertListForm(township: township, school: school, state: state?.rawValue, rule: rule?.rawValue, limit: String(limit), service: service?.rawValue) }

        func run() async throws {
            let (query, whose) = try checked(options) { (try form.query(), try form.alertingService()) }
            let session = try await options.session()
            let alerts = try await perform(options) { try await session.operations.alerts.list(query, service: whose, actor: session.actor) }
            let townships = await session.townshipNames(options)
            try options.emit(alerts) { MonitorText.alerts(alerts, options.language, townships: townships) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查看一条预警 (show one alert)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "预警编号 (alert id)") var id: Int64
        @Option(help: "哪个服务的预警，默认控辍监测 (whose alert; the monitor's by default)") var service: ServiceName?

        func run() async throws {
            let whose = try checked(options) { try FormField.alertingService(service?.rawValue) }
            let session = try await options.session()
            let alert = try await perform(options) { try await session.operations.alerts.alert(id, service: whose, actor: session.actor) }
            let townships = await session.townshipNames(options)
            try options.emit(alert) { MonitorText.alert(alert, options.language, townships: townships) }
        }
    }

    struct Ack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "签收预警：表示已知悉并处理 (acknowledge: seen, and acting on it)")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "预警编号 (alert id)") var id: Int64
        @Option(help: "备注 (note)") var note: String?
        @Option(help: "哪个服务的预警，默认控辍监测 (whose alert; the monitor's by default)") var service: ServiceName?

        var form: AcknowledgeForm { AcknowledgeForm(note: note, service: service?.rawValue) }

        func run() async throws {
            let whose = try checked(options) { try form.alertingService() }
            let session = try await options.session()
            let alert = try await perform(options) { try await session.operations.alerts.acknowledge(form.request(id: id), service: whose, actor: session.actor) }
            try options.emit(alert) { options.say("已签收预警\(alert.id)（\(alert.acknowledgedBy ?? "")，\(alert.acknowledgedAt ?? "")）", "Acknowledged alert \(alert.id) (\(alert.acknowledgedBy ?? ""), \(alert.acknowledgedAt ?? ""))") }
        }
    }

    struct Sweep: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "立即运行按时间的监测规则（平时每5分钟自动运行）(run the time rules now; they also run every 5 minutes)")
        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let session = try await options.session()
            let report = try await perform(options) { try await session.operations.monitor.sweep(actor: session.actor) }
            try options.emit(report) {
                options.say("扫描\(report.children)名学生（\(report.today)）：新预警\(report.opened)条，解除\(report.resolved)条，新立案\(report.casesOpened)件，销号\(report.casesClosed)件，用时\(Int(report.milliseconds)) ms",
                            "Swept \(report.children) children (\(report.today)): \(report.opened) new alerts, \(report.resolved) resolved, \(report.casesOpened) cases opened, \(report.casesClosed) closed, \(Int(report.milliseconds)) ms")
            }
        }
    }
}
