import BaoxueService
import Subsidy

// baoxue-subsidy: wiring only. Flags and configuration: ServiceMain; keys: config/subsidy.yaml.
await ServiceMain.run(.subsidy, title: "资助服务 (the student subsidy service)") { configuration, logger in
    try await SubsidyApplication(configuration: configuration, logger: logger)
}
