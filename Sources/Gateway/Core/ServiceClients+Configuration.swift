import BaoxueContracts
import BaoxueService
import Configuration

extension ServiceClients {
    /// Connects to the services the gateway's configuration names: each at `gateway.<service>`,
    /// else the port plan; with CURVE when the configuration has the gateway's pair and
    /// `gateway.<service>PublicKey`, else with the keys `baoxue up` made in `dataDirectory`, else
    /// plain (loopback).
    public convenience init(configuration: ServiceConfiguration, dataDirectory: String) async throws {
        let reader = configuration.reader
        let ports = configuration.ports
        let local = CurveKeySet.load(dataDirectory: dataDirectory)
        try await self.init(ports: ports) { service in
            let requests = reader.string(forKey: ConfigKey("gateway.\(service)")) ?? ports.requests(service)
            if let keys = configuration.curveKeys, let serverKey = reader.string(forKey: ConfigKey("gateway.\(service)PublicKey")) {
                return ServiceEndpoint(requests: requests, curve: .client(keys, serverPublicKey: serverKey))
            }
            if let local {
                return ServiceEndpoint(requests: requests, curve: .client(local.gateway, serverPublicKey: local.publicKey(of: service)))
            }
            return ServiceEndpoint(requests: requests)
        }
    }
}
