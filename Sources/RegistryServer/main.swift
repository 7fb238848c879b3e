import BaoxueService
import Registry

// baoxue-registry: wiring only. Flags and configuration: ServiceMain; keys: config/registry.yaml.
await ServiceMain.run(.registry, title: "学籍服务 (the student registry service)") { configuration, logger in
    try await RegistryApplication(configuration: configuration, logger: logger)
}
