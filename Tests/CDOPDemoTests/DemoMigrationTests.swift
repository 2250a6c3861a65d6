import CDOPApp
import CDOPDomain
import CDOPPrivacy
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// The privacy issue's migration on the demo panel: the copy holds the same events field by field, sealed under
/// new keys, with the people erased before still erased; a copy that differs, or an original that changes while
/// it is copied, is refused and nothing is kept.
@Suite("Copying the demo panel to a database with every personal field sealed")
struct DemoMigrationTests {
    static let actor = Actor(name: "ada.admin", role: "admin")

    @Test("The copy's events equal the original's field by field, its read models too, and the erased stay erased")
    func theCopyEqualsTheOriginalFieldByField() async throws {
        let demo = try DemoDataSetTests.DemoEngine()
        _ = try await demo.load()
        let caseID = try Self.someCase(demo.engine)
        try PersonalDataErasure(engine: demo.engine).erase(
            caseID: caseID, role: "child", reason: "Retention period ended", by: Self.actor, now: DemoDataSetTests.now)

        let output = demo.folder.path("sealed/cdop.sqlite")
        let report = try PersonalDataMigration(source: demo.engine).run(to: output)
        let originals = try demo.engine.sqliteStore!.readAll(after: 0, limit: 1_000_000)
        #expect(report.events == originals.count && report.lastPosition == originals.last?.position)
        #expect(report.sealedEvents > 0 && report.subjects > 0 && report.erasedSubjects == 1)
        #expect((report.tables["commands"] ?? 0) > 0 && report.tables["user_credentials"] != nil, "\(report)")

        var configuration = demo.engine.configuration
        configuration.databasePath = output
        configuration.keysDatabasePath = nil
        let copy = try Engine(
            configuration: configuration, schedules: demo.engine.workflow.schedules,
            linkSecret: Data(repeating: 7, count: 32))
        let copies = try copy.sqliteStore!.readAll(after: 0, limit: 1_000_000)
        #expect(copies.count == originals.count)
        for (original, copied) in zip(originals, copies) {
            #expect(
                original.position == copied.position && original.eventID == copied.eventID
                    && original.streamID == copied.streamID && original.streamVersion == copied.streamVersion
                    && original.type == copied.type && original.schemaVersion == copied.schemaVersion
                    && original.recordedAt == copied.recordedAt && original.metadata == copied.metadata,
                "event \(original.position)")
            #expect(original.data == copied.data, "event \(original.position)'s data")
        }
        // Sealed under new keys: the original's keys open nothing of the copy.
        let rawCopy = try await copy.sqliteStore!.read { db in try String.fetchAll(db, sql: "SELECT data FROM events") }
        let rawOriginal = try await demo.engine.sqliteStore!.read { db in
            try String.fetchAll(db, sql: "SELECT data FROM events")
        }
        #expect(rawCopy != rawOriginal)
        for table in ["case_summaries", "report_facts", "form_requests", "users"] {
            let rows = { (engine: Engine) in
                try engine.sqliteStore!.read { db in try ReadModelsAsRead.rows(of: table, in: db) }
            }
            #expect(try rows(copy) == rows(demo.engine), "\(table)")
        }
        #expect(try copy.workflow.caseState(caseID).notification?.child.name.surname == PersonalFields.erasedText)
        let keys = try #require(PersonalDataProtection.keyring(of: copy.sqliteStore!))
        #expect(try keys.isErased(caseID.streamID + "/child"))
        #expect(try !keys.subjects().contains(caseID.streamID + "/child"))
        #expect(try ReadModelRebuild(store: copy.sqliteStore!).run().isClean)
    }

    @Test("A copy that differs from the original is refused, and nothing of it is kept")
    func aCopyThatDiffersIsRefused() async throws {
        let demo = try DemoDataSetTests.DemoEngine()
        _ = try await demo.load()
        let output = demo.folder.path("sealed.sqlite")
        let migration = try PersonalDataMigration(source: demo.engine)
        var tampered = false
        #expect(throws: PersonalDataMigration.Problem.eventDiffers(position: 1, part: "metadata")) {
            try migration.run(to: output) { _ in
                guard !tampered else { return }
                tampered = true
                // The copy changed behind the migration's back, as a fault in the copying would.
                let queue = try? DatabaseQueue(path: output + ".partial")
                try? queue?.write { db in
                    try db.execute(sql: "DROP TRIGGER events_are_never_updated")
                    try db.execute(sql: "UPDATE events SET metadata = json_set(metadata, '$.x', 1) WHERE position = 1")
                }
            }
        }
        #expect(tampered)
        for path in [output, output + ".partial", demo.folder.path("sealed-keys.sqlite"), output + ".partial-wal"] {
            #expect(!FileManager.default.fileExists(atPath: path), "\(path) was kept")
        }
    }

    @Test("An event appended to the original while it is copied refuses the copy, and nothing of it is kept")
    func anOriginalThatChangesIsRefused() async throws {
        let demo = try DemoDataSetTests.DemoEngine()
        _ = try await demo.load()
        let caseID = try Self.someCase(demo.engine)
        let output = demo.folder.path("sealed.sqlite")
        var appended = false
        do {
            _ = try PersonalDataMigration(source: demo.engine).run(to: output) { _ in
                guard !appended else { return }
                appended = true
                _ = try? demo.engine.workflow.execute(
                    .recordSubjectErased(role: "notifier", reason: "Retention period ended"), on: caseID,
                    by: Self.actor)
            }
            Issue.record("the copy was kept")
        } catch let problem as PersonalDataMigration.Problem {
            guard case .sourceChanged = problem else {
                Issue.record("\(problem)")
                return
            }
        }
        #expect(
            !FileManager.default.fileExists(atPath: output)
                && !FileManager.default.fileExists(atPath: output + ".partial"))
    }

    /// A case of the demo panel with a notification.
    static func someCase(_ engine: Engine) throws -> CaseID {
        let id = try engine.sqliteStore!.read { db in
            try String.fetchOne(db, sql: "SELECT case_id FROM case_summaries ORDER BY case_id LIMIT 1")
        }
        return try #require(id.flatMap(CaseID.init))
    }
}
