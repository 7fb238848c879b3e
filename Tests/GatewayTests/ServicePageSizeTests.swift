import GRDB
import Registry
import BaoxueService
import Testing

/// Each service makes its file with the page size it asks for (decision 149): the registry,
/// whose imports write whole records and events, large pages; the others SQLite's default, since
/// their writes are small transactions.
@Suite struct ServicePageSizeTests {
    @Test func theRegistryMakesItsFileWithLargePagesAndTheOthersWithTheDefault() async throws {
        let services = try await InProcessServices()
        func pageSize(_ pool: DatabasePool) async throws -> Int? { try await pool.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } }
        #expect(try await pageSize(services.application.kit.database) == RegistrySchema.pageSize)
        #expect(RegistrySchema.pageSize != ServiceDatabase.defaultPageSize)
        #expect(try await pageSize(services.monitor.kit.database) == ServiceDatabase.defaultPageSize)
        #expect(try await pageSize(services.subsidy.kit.database) == ServiceDatabase.defaultPageSize)
        #expect(try await pageSize(services.care.kit.database) == ServiceDatabase.defaultPageSize)
        await services.stop()
    }
}
