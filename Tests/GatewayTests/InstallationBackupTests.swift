import Access
import BaoxueContracts
import BaoxueService
import BaoxueTestSupport
import Foundation
import Gateway
import Testing

/// `baoxue backup` and `restore` on files, in-process: what they copy, what they refuse
/// (`BackupRestoreTests` runs them against a live installation).
@Suite struct InstallationBackupTests {
    /// A data directory with a user store, as `baoxue user add` leaves one.
    static func dataDirectory(_ directory: TemporaryDirectory) throws -> String {
        let data = directory.file("data")
        _ = try AccessStore(dataDirectory: data).add(NewUser(name: "wang", role: .countyAdmin))
        return data
    }

    @Test func copyOrderPutsEveryFollowerBeforeWhatItFollows() {
        let order = InstallationBackup.databases
        #expect(order.first == "delivery.sqlite" && order.last == "gateway.sqlite")
        for service in ServiceName.deployed {
            for source in service.follows {
                #expect(order.firstIndex(of: "\(service).sqlite")! < order.firstIndex(of: "\(source).sqlite")!, "\(service) follows \(source)")
            }
        }
    }

    @Test func aBackupRestoresIntoANewDirectoryOwnerOnly() throws {
        let directory = TemporaryDirectory("baoxue-backup-unit")
        defer { directory.remove() }
        let data = try Self.dataDirectory(directory)
        let manifest = try InstallationBackup.take(dataDirectory: data, to: directory.file("backup"))
        #expect(manifest.files.map(\.path) == ["gateway.sqlite"])
        #expect(FileModes.notOwnerOnly(under: directory.file("backup")).isEmpty)
        #expect(try InstallationRestore.verify(directory.file("backup")) == manifest)

        try InstallationRestore.restore(from: directory.file("backup"), into: directory.file("restored"))
        #expect(try AccessStore(dataDirectory: directory.file("restored")).users().map(\.name) == ["wang"])
        #expect(FileModes.notOwnerOnly(under: directory.file("restored")).isEmpty)
    }

    @Test func backupRefusesAnEmptyDataDirectoryAndAnExistingBackup() throws {
        let directory = TemporaryDirectory("baoxue-backup-unit")
        defer { directory.remove() }
        #expect(errorCode { _ = try InstallationBackup.take(dataDirectory: directory.file("nothing"), to: directory.file("b")) } == "backup.noData")
        let data = try Self.dataDirectory(directory)
        _ = try InstallationBackup.take(dataDirectory: data, to: directory.file("backup"))
        #expect(errorCode { _ = try InstallationBackup.take(dataDirectory: data, to: directory.file("backup")) } == "backup.exists")
    }

    @Test func restoreRefusesAManifestThatIsMissingForeignOrWrong() throws {
        let directory = TemporaryDirectory("baoxue-backup-unit")
        defer { directory.remove() }
        let data = try Self.dataDirectory(directory)
        let backup = directory.file("backup")
        let manifest = try InstallationBackup.take(dataDirectory: data, to: backup)
        let manifestPath = backup + "/" + BackupManifest.fileName
        func write(_ changed: BackupManifest) throws { try JSONEncoder().encode(changed).write(to: URL(fileURLWithPath: manifestPath)) }

        // A file that is not an installation's, such as a path out of the data directory.
        var foreign = manifest
        foreign.files[0].path = "../../etc/cron.d/x"
        try write(foreign)
        #expect(errorCode { try InstallationRestore.restore(from: backup, into: directory.file("restored")) } == "backup.manifestInvalid")
        // A size or checksum that differs.
        var wrong = manifest
        wrong.files[0].sha256 = String(repeating: "0", count: 64)
        try write(wrong)
        #expect(errorCode { try InstallationRestore.restore(from: backup, into: directory.file("restored")) } == "backup.checksumMismatch")
        // A format this version does not know.
        var future = manifest
        future.format = 2
        try write(future)
        #expect(errorCode { try InstallationRestore.restore(from: backup, into: directory.file("restored")) } == "backup.manifestInvalid")
        // No manifest at all (an unfinished backup).
        try FileManager.default.removeItem(atPath: manifestPath)
        #expect(errorCode { try InstallationRestore.restore(from: backup, into: directory.file("restored")) } == "backup.manifestInvalid")
        #expect(!FileManager.default.fileExists(atPath: directory.file("restored/gateway.sqlite")), "nothing was written")
    }

    @Test func restoreRefusesWhileAProcessHoldsTheDataDirectory() throws {
        let directory = TemporaryDirectory("baoxue-backup-unit")
        defer { directory.remove() }
        let data = try Self.dataDirectory(directory)
        _ = try InstallationBackup.take(dataDirectory: data, to: directory.file("backup"))
        let running = try DataDirectoryLock(directory: data, holder: .service(.monitor))
        #expect(errorCode { try InstallationRestore.restore(from: directory.file("backup"), into: data) } == "installation.running")
        withExtendedLifetime(running) {}
    }
}
