import CDOPApp
import CDOPDomain
import CDOPHTTP
import CDOPStore
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A database that cannot grow (a full disk, or SQLite's page limit) is the server's fault: /healthz says so
/// with 503, and a command or a page answers 503 (a problem document, or the error page), never 422 "refused".
@Suite("A database that cannot grow")
struct StorageFailureTests {
    /// Lets the writer's connection hold no more pages than it has, and fills every free page: from then on any
    /// write that needs a page fails with SQLITE_FULL, as on a full disk.
    static func fillTheDatabase(_ engine: Engine) throws {
        try engine.sqliteStore!.write { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
        }
        // Large rows first, then ever smaller ones, until not even a byte fits in any page.
        var size = 65_536
        while size >= 1 {
            do {
                try engine.sqliteStore!.write { db in
                    try db.execute(sql: "INSERT INTO storage_probe (filler) VALUES (zeroblob(?))", arguments: [size])
                }
            } catch {
                size /= 2
            }
        }
    }

    @Test("healthz answers 503 naming the cause when the database cannot grow")
    func healthzAnswers503NamingTheCauseWhenTheDatabaseCannotGrow() async throws {
        var fixture = try await WebFixture()
        _ = try fixture.notifiedCase(in: "NTH")
        try await fixture.application.test(.router) { client in
            let status1 = try await client.execute(uri: "/healthz", method: .get).status
            #expect(status1 == .ok)
        }
        try Self.fillTheDatabase(fixture.engine)
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .serviceUnavailable)
            let object =
                try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]
            let database = (object?["checks"] as? [String: [String: Any]])?["database"]
            #expect(database?["ok"] as? Bool == false)
            #expect((database?["detail"] as? String)?.contains("full") == true, "\(String(describing: database))")
        }
    }

    @Test("healthz answers 503 when the disk has less free space than configured")
    func healthzAnswers503WhenTheDiskHasLessFreeSpaceThanConfigured() async throws {
        let fixture = try await WebFixture { $0.minimumFreeMegabytes = Int.max / 2 }
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(String(buffer: response.body).contains("disk nearly full"))
        }
    }

    /// Makes every write of the writer's connection fail, as when the file system under the database has been
    /// remounted read-only after disk errors.
    static func refuseEveryWrite(_ engine: Engine) throws {
        try engine.sqliteStore!.write { db in try db.execute(sql: "PRAGMA query_only = 1") }
    }

    @Test("A command or page on a database that cannot be written is a 503, never a refusal of the input")
    func aCommandOrPageOnADatabaseThatCannotBeWrittenIs503NeverARefusalOfTheInput() async throws {
        var fixture = try await WebFixture()
        let caseID = try fixture.notifiedCase(in: "NTH")
        let coordinator = fixture.usernames[.coordinator]!
        let engine = fixture.engine
        try await fixture.application.test(.router) { client in
            let (browser, csrf) = try await Browser.signedInToTheAPI(client, coordinator)
            var pages = Browser(client)
            let pageCSRF = try await pages.signIn(coordinator)
            try Self.refuseEveryWrite(engine)

            let command = try await JSONAPI.post(
                client, "/api/v1/cases/\(caseID)/commands",
                try JSONAPI.body([
                    "command": "await-external", "process": "postMortem", "reason": "Awaiting the post-mortem",
                    "since": "2026-06-01",
                ]),
                cookies: browser.cookieHeader, csrf: csrf)
            #expect(command.status == .serviceUnavailable, "\(String(buffer: command.body))")
            #expect(command.headers[.contentType] == "application/problem+json")
            #expect(JSONAPI.object(command)["code"] as? String == "store.unavailable")

            let page = try await pages.get("/cases/\(caseID)")
            #expect(page.status == .serviceUnavailable)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: page.body).contains("Nothing was saved"))

            let post = try await pages.post(
                "/cases/\(caseID)/commands",
                [
                    ("command", "await-external"), ("process", "inquest"), ("reason", "Inquest opened"),
                    ("since", "2026-06-01"),
                ], csrf: pageCSRF)
            #expect(post.status == .serviceUnavailable, "\(post.status)")
        }
    }
}
