import BaoxueService
import Monitoring

// baoxue-monitor: wiring only. Flags and configuration: ServiceMain; keys: config/monitor.yaml.
await ServiceMain.run(.monitor, title: "控辍监测服务 (the dropout monitoring service)") { configuration, logger in
    try await MonitorApplication(configuration: configuration, logger: logger)
}
