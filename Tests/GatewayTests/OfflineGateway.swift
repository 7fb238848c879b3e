import Access
import BaoxueContracts
import BaoxueService
import BaoxueTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting

@testable import Gateway

/// The gateway's router with no service behind it, called in this process (HummingbirdTesting's
/// `.router`: no socket, no port): for routes that must answer before any service is asked, or
/// without one (authentication, methods, the API document, checks of the request itself, body
/// limits). Its clients point at a port where nothing listens, so a route that did call a
/// service would answer 503 after a time-out rather than pass by accident.
///
/// ```swift
/// try await OfflineGateway().test { client in
///     #expect(try await client.get("/api/v1/students?limit=0").status == 400)
/// }
/// ```
struct OfflineGateway {
    let operations: Operations
    /// A county operator's token, the client's by default.
    let operatorToken: String
    private let directory: TemporaryDirectory
    private let nobody: ClosedPort

    init() async throws {
        let directory = TemporaryDirectory("baoxue-offline-gateway")
        let nobody = ClosedPort()
        let clients = try await ServiceClients(ports: PortPlan()) { _ in ServiceEndpoint(requests: nobody.endpoint) }
        operations = Operations(clients: clients, access: try AccessStore(dataDirectory: directory.path))
        operatorToken = try operations.accessStore.add(NewUser(name: "operator", role: .countyOperator)).token
        self.directory = directory
        self.nobody = nobody
    }

    /// A new user of `role` (scoped to the fixtures' township or school) and their token.
    func token(_ role: Role, name: String, township: String = RosterFixtures.township, school: String = RosterFixtures.school) throws -> String {
        let user = NewUser(name: name, role: role, township: role == .townshipStaff ? township : nil, school: role == .schoolStaff ? school : nil)
        return try operations.accessStore.add(user).token
    }

    /// Runs `body` with a client of `router` (the gateway's own by default), then removes the
    /// store.
    func test(router: Router<GatewayRequestContext>? = nil, _ body: @Sendable (RouterClient) async throws -> Void) async throws {
        let app = Application(router: router ?? GatewayHTTP.router(operations: operations, metrics: nil))
        defer {
            nobody.close()
            directory.remove()
        }
        let token = operatorToken
        try await app.test(.router) { client in try await body(RouterClient(client: client, token: token)) }
    }
}
