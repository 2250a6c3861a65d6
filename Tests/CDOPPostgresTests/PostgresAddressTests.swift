import CDOPPostgres
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// `CDOP_DATABASE_URL`'s address read, refused with a reason, and never shown with its password; a server that
/// does not answer refused within seconds.
@Suite("PostgreSQL addresses")
struct PostgresAddressTests {
    @Test("An address gives its host, port, user, password and database; the port defaults to 5432")
    func anAddressIsRead() throws {
        let address = try PostgresAddress("postgres://cdop:s%40cret@db.example.org:6432/panel")
        #expect(address.host == "db.example.org" && address.port == 6432 && address.user == "cdop")
        #expect(address.password == "s@cret" && address.database == "panel")
        #expect(address.description == "postgres://cdop@db.example.org:6432/panel", "no password shown")
        #expect(try PostgresAddress("postgresql://cdop@127.0.0.1/panel").port == 5432)
    }

    @Test(
        "An address without a user, host or database, or of another scheme, is refused with the reason and no password",
        arguments: [
            "mysql://cdop:pw@db/panel", "postgres://db.example.org/panel", "postgres://cdop:pw@db.example.org",
            "postgres://cdop:pw@/panel", "not an address",
        ])
    func aBadAddressIsRefused(url: String) {
        let error = #expect(throws: EventStoreError.self) { try PostgresAddress(url) }
        let text = String(describing: error)
        #expect(text.contains("postgres://USER") || text.contains("names no database"), "\(text)")
        #expect(!text.contains(":pw@"), "the password is shown: \(text)")
    }

    @Test(
        "A server that does not answer is refused at its deadline, not waited on, naming the address but not the password"
    )
    func aServerThatDoesNotAnswerIsRefused() async throws {
        let port = try closedLoopbackPort()
        let started = ContinuousClock.now
        let error = await #expect(throws: EventStoreError.self) {
            _ = try await PostgresEventStore(
                url: "postgres://cdop:topsecret@127.0.0.1:\(port)/panel", connectWithin: .seconds(3))
        }
        // Three seconds on an idle machine; the bound allows for a suite starving the test of threads.
        #expect(ContinuousClock.now - started < .seconds(120))
        let text = String(describing: error)
        #expect(text.contains("127.0.0.1:\(port)/panel") && !text.contains("topsecret"), "\(text)")
    }
}
