import BaoxueService
import Care

// baoxue-care: wiring only. Flags and configuration: ServiceMain; keys: config/care.yaml.
await ServiceMain.run(.care, title: "关爱服务 (the care service for left-behind children)") { configuration, logger in
    try await CareApplication(configuration: configuration, logger: logger)
}
