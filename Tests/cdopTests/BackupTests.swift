import CDOPApp
import CDOPDomain
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Synchronization
import Testing

/// `cdop backup`, `cdop restore` and `cdop verify` on the built binary, against a database being written to.
@Suite("Backup, restore and verify")
struct BackupTests {
    /// Notifies deaths on the CLI's database from this process, one command at a time, remembering each case
    /// whose command returned (was acknowledged), until stopped.
    final class Writer: Sendable {
        private let acknowledged = Mutex<[String]>([])
        private let stopping = Atomic<Bool>(false)
        private let finished = Atomic<Bool>(false)
        let engine: Engine

        init(database: String) throws {
            var configuration = AppConfiguration()
            configuration.databasePath = database
            engine = try Engine(configuration: configuration, linkSecret: Data(repeating: 1, count: 32))
        }

        func start() {
            Thread { [self] in
                var random = SeededRandom(seed: 8)
                while !stopping.load(ordering: .acquiring) {
                    let notification = SyntheticPanel.notification(
                        using: &random, died: CalendarDate(year: 2026, month: 5, day: 1)!,
                        notified: CalendarDate(year: 2026, month: 5, day: 2)!,
                        ageDays: Int.random(in: 1...5000, using: &random),
                        area: "NTH", expectation: .unexpected)
                    if let notified = try? engine.workflow.notify(
                        notification, by: Actor(name: "load", role: "coordinator"))
                    {
                        acknowledged.withLock { $0.append("case-\(notified.caseID)") }
                    }
                }
                finished.store(true, ordering: .releasing)
            }.start()
        }

        var streams: [String] { acknowledged.withLock { $0 } }

        func stop() async throws {
            stopping.store(true, ordering: .releasing)
            try await Eventually.wait(for: "the writer to finish its last command") {
                finished.load(ordering: .acquiring)
            }
        }
    }

    @Test("A backup taken under write load restores, verifies, and holds every event acknowledged before it began")
    func backupUnderLoadRestoresEverything() async throws {
        let cli = CLI()
        #expect(try await cli.loadDemo().status == 0)
        let writer = try Writer(database: cli.database)
        writer.start()
        try await Eventually.wait(for: "the writer's first twenty cases") { writer.streams.count >= 20 }

        let acknowledgedBefore = writer.streams
        let backup = cli.folder.path("backup.sqlite")
        let backedUp = try await cli.run(["backup", backup])
        let acknowledgedAfter = writer.streams.count
        try await writer.stop()
        #expect(backedUp.status == 0, "\(backedUp)")
        #expect(backedUp.output.contains("Backed up"))
        #expect(acknowledgedAfter > acknowledgedBefore.count, "the writer was not writing while the backup ran")

        // Restore into a fresh database path, then verify it with the binary.
        let restored = cli.folder.path("restored/cdop.sqlite")
        let restore = try await cli.run(["restore", backup], environment: [:], database: restored)
        #expect(restore.status == 0, "\(restore)")
        let verify = try await cli.run(["verify"], environment: [:], database: restored)
        #expect(verify.status == 0, "\(verify)")
        #expect(verify.output.contains("Every check passed."))

        let present = try SQLiteFile.read(restored) { db in
            Set(try String.fetchAll(db, sql: "SELECT DISTINCT stream_id FROM events"))
        }
        let missing = acknowledgedBefore.filter { !present.contains($0) }
        #expect(missing.isEmpty, "\(missing.count) acknowledged cases missing from the backup")
    }

    @Test("restore keeps the database it replaces, and refuses while a server holds the database")
    func restoreKeepsTheOldFileAndRefusesARunningServer() async throws {
        let cli = CLI()
        #expect(try await cli.loadDemo().status == 0)
        let backup = cli.folder.path("backup.sqlite")
        #expect(try await cli.run(["backup", backup]).status == 0)
        #expect(try await cli.run(["backup", backup]).error.contains("operations.destinationExists"))

        let server = try await RunningServer(cli: cli, spool: cli.folder.path("outbox"))
        let refused = try await cli.run(["restore", backup])
        await server.stop()
        #expect(refused.status == 1)
        #expect(refused.error.contains("operations.databaseInUse"), "\(refused)")

        let restore = try await cli.run(["restore", backup])
        #expect(restore.status == 0, "\(restore)")
        let kept = try FileManager.default.contentsOfDirectory(atPath: cli.folder.url.path)
            .filter { $0.hasPrefix("cdop.sqlite.before-restore-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
        #expect(kept.count == 1, "\(kept)")
        #expect(try await cli.run("verify").status == 0)
    }

    @Test("The keys travel beside the backup; a database opened with keys that are not its own is refused")
    func theKeysTravelBesideTheBackup() async throws {
        let cli = CLI()
        #expect(try await cli.loadDemo().status == 0)
        let backup = cli.folder.path("backup.sqlite")
        let backedUp = try await cli.run(["backup", backup])
        #expect(backedUp.output.contains("backup-keys.sqlite"), "\(backedUp)")
        #expect(FileManager.default.fileExists(atPath: cli.folder.path("backup-keys.sqlite")))
        #expect(try await cli.run(["verify"], environment: [:], database: backup).status == 0)

        let elsewhere = TemporaryDirectory("cdop-foreign-keys")
        try FileManager.default.copyItem(atPath: backup, toPath: elsewhere.path("cdop.sqlite"))
        let foreign = try await cli.run(["verify"], environment: [:], database: elsewhere.path("cdop.sqlite"))
        #expect(foreign.status == 1)
        #expect(foreign.error.contains("does not belong with the database"), "\(foreign)")
    }

    @Test(
        "Restoring a backup taken before an erasure erases that person again: the restored case reads erased and no file holds their name"
    )
    func restoringAnOlderBackupKeepsErasuresErased() async throws {
        let cli = CLI(actor: "coord.jones")
        let notified = try await cli.json("notify", Fixture.path("notification.example.json"))
        let reference = try #require(notified["reference"] as? String)
        let backup = cli.folder.path("before-erasure.sqlite")
        #expect(try await cli.run(["backup", backup]).status == 0)
        let erased = try await cli.run("privacy", "erase", reference + "/child", "--reason", "Retention period ended")
        #expect(erased.status == 0, "\(erased)")

        let restore = try await cli.run(["restore", backup])
        #expect(restore.status == 0, "\(restore)")
        #expect(restore.output.contains("1 people erased after the backup was taken"), "\(restore)")
        let shown = try await cli.run("case", "show", reference)
        #expect(shown.output.contains("erased") && !shown.output.contains("Testchild"), "\(shown)")
        #expect(try await cli.run("verify").status == 0)
        let live = [cli.database, PersonalDataProtection.keysPath(besides: cli.database)]
        for path in live.flatMap({ [$0, $0 + "-wal"] }) where FileManager.default.fileExists(atPath: path) {
            let contents = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(contents.range(of: Data("Testchild".utf8)) == nil, "\(path) holds the erased name")
            #expect(contents.range(of: Data("9434765919".utf8)) == nil, "\(path) holds the erased NHS number")
        }
    }

    @Test("verify exits 1 and names the check when an event position is missing")
    func verifyReportsAGap() async throws {
        let cli = CLI()
        #expect(try await cli.loadDemo().status == 0)
        try SQLiteFile.write(cli.database) { db in
            // The append-only triggers guard the events; a damaged copy is what verify is for.
            try db.execute(sql: "DROP TRIGGER events_are_never_deleted")
            try db.execute(sql: "DELETE FROM events WHERE position = 5")
        }
        let verify = try await cli.run("verify")
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.output.contains("FAIL event positions without gaps"), "\(verify)")
        #expect(verify.output.contains("first missing: 5"), "\(verify)")

        let restore = try await cli.run(
            ["restore", cli.database], environment: [:], database: cli.folder.path("other.sqlite"))
        #expect(restore.status == 1)
        #expect(restore.error.contains("operations.backupFailsVerification"), "\(restore)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.path("other.sqlite")))
    }
}
