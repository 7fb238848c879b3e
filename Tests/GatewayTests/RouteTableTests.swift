import Hummingbird
import Testing

@testable import Gateway

/// The 405 table is the router's own: what a path answers to comes from the routes added, matched
/// the way the router matches them.
@Suite struct RouteTableTests {
    /// A router shaped like the gateway's: literals beside parameters, and a `{kind}.csv` pattern.
    static func table() -> RouteTable {
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.get("/students") { _, _ in "" }
        router.post("/students") { _, _ in "" }
        router.get("/students/:key") { _, _ in "" }
        router.post("/students/:key/changes") { _, _ in "" }
        router.post("/students/import") { _, _ in "" }
        router.get("/ledger/report.csv") { _, _ in "" }
        router.get("/ledger/{kind}.csv") { _, _ in "" }
        let table = RouteTable()
        table.record(router.routes)
        return table
    }

    @Test(arguments: [
        ("/students", ["GET", "POST", "HEAD"]),
        ("/students/", ["GET", "POST", "HEAD"]),
        ("/students/510123201503010018", ["GET", "HEAD"]),
        ("/students/import", ["POST"]),
        ("/students/510123201503010018/changes", ["POST"]),
        ("/ledger/report.csv", ["GET", "HEAD"]),
        ("/ledger/suspect.csv", ["GET", "HEAD"]),
    ])
    func aKnownPathListsItsMethods(path: String, methods: [String]) {
        #expect(Self.table().methods(for: path) == methods)
    }

    @Test(arguments: ["/", "/nothing", "/ledger/suspect", "/students/1/changes/2", "/api/v1/students"])
    func anUnknownPathIsNotFound(path: String) {
        #expect(Self.table().methods(for: path) == nil)
    }

    @Test func aTableNotYetFilledKnowsNoPath() {
        #expect(RouteTable().methods(for: "/students") == nil)
    }

    /// The table reflects the router, whatever the document says: a route the document never
    /// mentions still gets its 405.
    @Test func aRouteAddedLaterIsKnownOnceRecorded() {
        let router = Router(context: BasicRequestContext.self)
        router.delete("/webhooks/:name") { _, _ in "" }
        let table = RouteTable()
        table.record(router.routes)
        #expect(table.methods(for: "/webhooks/wecom") == ["DELETE"])
    }
}
