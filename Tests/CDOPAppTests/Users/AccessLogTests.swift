import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

@Suite("The access log and rebuilding beside credentials")
struct AccessLogTests {
    @Test("Viewing a case and being refused are appended to the user's stream; the users table does not change")
    func records() throws {
        let users = try UserFixture()
        let account = try users.addCoordinator()
        let user = try users.signIn("casey.coordinator", account.initialPassword)
        var app = users.app
        let notification = app.notification()
        let caseID = try app.workflow.notify(notification, by: app.coordinator).caseID
        let before = try users.directory.user(account.userID)
        let log = AccessLog(engine: users.engine)
        try log.recordCaseViewed(caseID, view: .casePage, by: user)
        try log.recordCaseViewed(caseID, view: .notification, by: user)
        try log.recordAccessRefused("GET /admin/users", reason: .role, by: user)
        #expect(try users.directory.user(account.userID) == before)
        let events = try users.storedEvents(of: account.userID).suffix(3)
        #expect(events.map(\.type) == ["user.caseViewed.v1", "user.caseViewed.v1", "user.accessRefused.v1"])
        #expect(events.first?.json.contains(caseID.description) == true)
        #expect(events.first?.json.contains("case-page") == true)
        let metadata = try users.engine.store.readStream(account.userID.streamID).last.map {
            String(decoding: $0.metadata, as: UTF8.self)
        }
        #expect(metadata?.contains("casey.coordinator") == true)
    }

    @Test("cdop rebuild rebuilds the users table, leaves credentials and sessions alone and compares clean")
    func rebuild() throws {
        let users = try UserFixture()
        let account = try users.addCoordinator()
        let admin = try users.directory.addUser(
            username: "ada.admin", displayName: "Ada Admin", email: "ada@cdop.example.org",
            roles: [.admin, .coordinator],
            areas: [], by: users.admin)
        let user = try users.signIn("casey.coordinator", account.initialPassword)
        try AccessLog(engine: users.engine).recordCaseViewed(CaseID(UUID()), view: .formReturn, by: user)
        try users.directory.changeAccess(
            account.userID, roles: [.coordinator, .panelMember], areas: [], by: users.admin)
        try users.directory.disable(admin.userID, reason: "Left the panel", by: users.admin)
        let session = try users.directory.sessions.create(for: account.userID, now: users.clock.now())
        func secrets() throws -> [Row] {
            try users.engine.sqliteStore!.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM user_credentials ORDER BY user_id")
                    + Row.fetchAll(db, sql: "SELECT * FROM sessions ORDER BY token_hash")
            }
        }
        let before = try secrets()
        let report = try ReadModelRebuild(store: users.engine.sqliteStore!).run()
        #expect(report.isClean, "\(report.differences)")
        #expect(try secrets() == before)
        #expect(try users.directory.sessions.resolve(token: session.token, now: users.clock.now()) != nil)

        try users.engine.sqliteStore!.write { db in
            try db.execute(
                sql: "UPDATE users SET disabled = 0 WHERE user_id = ?", arguments: [admin.userID.description])
        }
        let tampered = try ReadModelRebuild(store: users.engine.sqliteStore!).run()
        #expect(tampered.differences.map(\.table) == ["users"])
        #expect(tampered.differences.first?.sampleKeys.contains(admin.userID.description) == true)
    }
}
