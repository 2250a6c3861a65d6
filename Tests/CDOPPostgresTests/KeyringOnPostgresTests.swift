import CDOPApp
import CDOPDomain
import CDOPPrivacy
import CDOPTesting
import Foundation
import Testing

/// The subjects' keys in a PostgreSQL database of their own (`CDOP_KEYS_DATABASE_URL`), for servers on several
/// machines: none keeps a keys file, each reads what another sealed, and an erasure on one is seen on all.
@Suite("The keys in a PostgreSQL database of their own")
struct KeyringOnPostgresTests {
    /// A server on its own machine (a folder of its own) on the shared events' and keys' databases.
    static func server(
        _ folder: TemporaryDirectory, events: String, keys: String
    ) throws -> Engine {
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        configuration.databaseURL = events
        configuration.keysDatabaseURL = keys
        configuration.linkSecret = Data(repeating: 7, count: 32)
        return try Engine(configuration: configuration, clock: ManualClock(ReadModelEngineTests.now))
    }

    @Test("What one server seals another opens; an erasure on one is seen by the other at once")
    func twoMachinesShareTheKeys() async throws {
        let cluster = try ThrowawayPostgres.shared()
        let (events, keys) = (try cluster.makeDatabase(), try cluster.makeDatabase())
        let (here, there) = (TemporaryDirectory("cdop-keys-a"), TemporaryDirectory("cdop-keys-b"))
        let first = try Self.server(here, events: events.url, keys: keys.url)
        let second = try Self.server(there, events: events.url, keys: keys.url)

        var random = SeededRandom(seed: 31)
        let notification = SyntheticPanel.notification(
            using: &random, died: CalendarDate(year: 2026, month: 11, day: 20)!,
            notified: CalendarDate(year: 2026, month: 11, day: 21)!, ageDays: 400, area: "NTH",
            expectation: .expected, forenames: "Zoë", surname: "Keysharer")
        let caseID = try first.workflow.notify(notification, by: Actor(name: "c", role: "coordinator")).caseID
        #expect(try second.workflow.caseState(caseID).notification?.child.name.surname == "Keysharer")

        // The keys are in their database alone: none in the events' database, no keys file on either machine.
        #expect(try cluster.psql("SELECT to_regclass('subject_keys') IS NULL", database: events.name) == "t")
        #expect(try Int(cluster.psql("SELECT count(*) FROM subject_keys", database: keys.name)) ?? 0 >= 1)
        for folder in [here, there] {
            #expect(!FileManager.default.fileExists(atPath: folder.path("cdop-keys.sqlite")))
        }
        let sealed = try cluster.psql(
            "SELECT count(*) FROM events WHERE data LIKE '%Keysharer%'", database: events.name)
        #expect(sealed == "0", "the child's name is in the events' database in the clear")

        try PersonalDataErasure(engine: first).erase(
            caseID: caseID, role: "child", reason: "Retention period ended", by: Actor(name: "c", role: "coordinator"),
            now: ReadModelEngineTests.now)
        // The other server folds the case again at once, asking the keys database first: not a moment's stale key.
        #expect(try second.workflow.caseState(caseID).notification?.child.name.surname == PersonalFields.erasedText)
    }

    @Test("A keys database that is not the one the events were sealed with is refused")
    func anotherKeysDatabaseIsRefused() throws {
        let cluster = try ThrowawayPostgres.shared()
        let (events, keys, other) = (try cluster.makeDatabase(), try cluster.makeDatabase(), try cluster.makeDatabase())
        let folder = TemporaryDirectory("cdop-keys-wrong")
        _ = try Self.server(folder, events: events.url, keys: keys.url)
        #expect(throws: PrivacyError.self) { try Self.server(folder, events: events.url, keys: other.url) }
    }
}
