import BaoxueService
import Registry

// baoxue-registry: wiring only. Flags and configuration: ServiceMain; keys: config/registry.yaml.
await ServiceMain.run(service: "registry", title: "学籍服务 (the student registry service)") { configuration, logger in
    let application = try await RegistryApplication(configuration: configuration, logger: logger)
    return (application.services, { application.loop.shutdown() })
}
