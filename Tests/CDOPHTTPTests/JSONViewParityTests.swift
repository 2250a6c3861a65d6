import CDOPApp
import CDOPDomain
import CDOPTesting
import Foundation
import HummingbirdTesting
import NIOCore
import Testing

/// One view of each thing for every program that reads it: `cdop meeting show --json` and
/// `GET /api/v1/meetings/{id}`, `cdop agency list --json` and `GET /api/v1/agencies` give the same fields under the
/// same names.
@Suite("One view of each thing: the command line and the API name the same fields alike")
struct JSONViewParityTests {
    @Test("The command line's meeting and the API's meeting have the same field names, down to the actions and agenda")
    func sameNames() async throws {
        var fixture = try await WebFixture()
        let caseID = try fixture.notifiedCase(in: "NTH")
        let meetingID = try fixture.panelMeeting(with: [caseID])
        let coordinator = Actor(name: "casey.coordinator", role: "coordinator")
        fixture.clock.advance(days: 8)
        try await fixture.engine.workflow.execute(
            .recordHeld(attendance: [AttendanceRecord(email: "pat@example.org", status: .attended)]), on: meetingID,
            by: coordinator)
        let actionID = ActionID(UUID())
        try await fixture.engine.workflow.execute(
            .agreeAction(
                actionID: actionID, description: "Write to the school", owner: "Coordinator",
                dueDate: CalendarDate(year: 2026, month: 7, day: 1)!, caseID: caseID),
            on: meetingID, by: coordinator)
        try await fixture.engine.workflow.execute(
            .completeAction(actionID: actionID, completedOn: CalendarDate(year: 2026, month: 6, day: 9)!, note: ""),
            on: meetingID,
            by: coordinator)

        let coordinatorName = fixture.usernames[.coordinator]!
        let database = fixture.engine.configuration.databasePath
        let cli = try await Self.cliJSON(
            ["meeting", "show", String(meetingID.description.prefix(8)), "--json"], database: database)
        let cliNames = Self.names(cli)
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.signIn(coordinatorName)
            let api = JSONAPI.object(try await browser.get("/api/v1/meetings/\(meetingID)"))
            #expect(!Self.names(api).isEmpty)
            #expect(cliNames == Self.names(api))
            #expect(
                Self.names(api).isSuperset(of: [
                    "actions[].actionId", "actions[].completedOn", "agenda[].reference", "venue.place",
                ]))
            #expect((api["actions"] as? [[String: Any]])?.first?["completedOn"] as? String == "2026-06-09")
        }
        #expect((cli["actions"] as? [[String: Any]])?.first?["completedOn"] as? String == "2026-06-09")
    }

    @Test("The command line's agency directory and the API's have the same agencies under the same field names")
    func agenciesSameNames() async throws {
        let fixture = try await WebFixture()
        let agency = AgencyID(UUID())
        try await fixture.engine.workflow.execute(
            .register(
                agencyID: agency, name: "Northgate Surgery", kind: .gp,
                contacts: [
                    AgencyContact(
                        name: "Lead", role: "safeguarding lead", email: "lead@northgate.example.nhs.uk", isLead: true)
                ]),
            on: agency, by: Actor(name: "casey.coordinator", role: "coordinator"))
        let coordinatorName = fixture.usernames[.coordinator]!
        let cli = try await Self.cliJSONList(
            ["agency", "list", "--all", "--json"], database: fixture.engine.configuration.databasePath)
        let cliNames = Self.names(cli)
        let cliIDs = cli.compactMap { $0["agencyId"] as? String }
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            _ = try await browser.signIn(coordinatorName)
            let response = try await browser.get("/api/v1/agencies")
            let api =
                (try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [[String: Any]]
                ?? []
            #expect(api.compactMap { $0["agencyId"] as? String } == [agency.description])
            #expect(cliIDs == [agency.description])
            #expect(cliNames == Self.names(api))
            #expect(
                Self.names(api).isSuperset(of: ["[].agencyId", "[].leadEmail", "[].contacts[].email", "[].retired"]))
        }
    }

    /// Every field name in `json`, as a path: `title`, `actions[].actionId`, `venue.place`.
    static func names(_ json: Any, at path: String = "") -> Set<String> {
        if let object = json as? [String: Any] {
            return object.reduce(into: Set<String>()) { names, field in
                let name = path.isEmpty ? field.key : "\(path).\(field.key)"
                names.insert(name)
                names.formUnion(Self.names(field.value, at: name))
            }
        }
        if let list = json as? [Any] {
            return list.reduce(into: Set<String>()) { $0.formUnion(Self.names($1, at: path + "[]")) }
        }
        return []
    }

    /// The built `cdop` on the fixture's database, its standard output as a JSON object.
    static func cliJSON(_ arguments: [String], database: String) async throws -> [String: Any] {
        let object = try await cliOutput(arguments, database: database) as? [String: Any]
        return try #require(object, "not a JSON object")
    }

    /// The built `cdop` on the fixture's database, its standard output as a JSON list of objects.
    static func cliJSONList(_ arguments: [String], database: String) async throws -> [[String: Any]] {
        let list = try await cliOutput(arguments, database: database) as? [[String: Any]]
        return try #require(list, "not a JSON list")
    }

    private static func cliOutput(_ arguments: [String], database: String) async throws -> Any {
        let process = try ChildProcess(
            BuiltProducts.executable("cdop"), arguments + ["--db", database],
            environment: ["CDOP_DB": nil, "CDOP_USER": nil, "CDOP_DEFINITIONS": BuiltProducts.packageRoot.path])
        let status = await process.waitForExit(timeout: .seconds(120))
        #expect(status == 0, "\(process.standardOutput)\n\(process.standardError)")
        return try JSONSerialization.jsonObject(with: Data(process.standardOutput.utf8))
    }
}
