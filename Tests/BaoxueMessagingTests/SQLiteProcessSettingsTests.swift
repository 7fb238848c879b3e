import BaoxueService
import GRDB
import Testing

/// SQLite's process-wide settings can only be made before SQLite is first used: made later, they
/// are refused and say so, rather than half-apply.
@Suite struct SQLiteProcessSettingsTests {
    @Test func settingsAfterADatabaseIsOpenAreRefused() throws {
        let database = try DatabaseQueue()
        try database.read { _ in }
        #expect(SQLiteProcessSettings.apply() == false)
    }
}
