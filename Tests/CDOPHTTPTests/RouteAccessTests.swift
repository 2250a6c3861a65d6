import CDOPApp
import CDOPDomain
import CDOPHTTP
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every route, walked by every role and by a visitor who is not signed in: the set allowed is exactly the
/// one written here, independently of the route table.
@Suite("Which roles each route allows")
struct RouteAccessTests {
    /// Who may use each route: "public" for everyone, else the staff roles.
    static let expected: [String: Set<String>] = [
        "GET /": ["public"],
        "GET /static/:file": ["public"],
        "GET /notify": ["public"],
        "POST /notify": ["public"],
        "GET /notify/received": ["public"],
        "GET /sign-in": ["public"],
        "POST /sign-in": ["public"],
        "POST /sign-out": ["admin", "coordinator", "designated-doctor", "panel-member"],
        "GET /account": ["admin", "coordinator", "designated-doctor", "panel-member"],
        "POST /account/password": ["admin", "coordinator", "designated-doctor", "panel-member"],
        "GET /account/second-factor": ["admin", "coordinator", "designated-doctor", "panel-member"],
        "POST /account/second-factor": ["admin", "coordinator", "designated-doctor", "panel-member"],
        "GET /dashboard": ["coordinator"],
        "GET /cases": ["coordinator", "designated-doctor"],
        "GET /cases/:case": ["coordinator", "designated-doctor"],
        "POST /cases/:case/requests": ["coordinator"],
        "POST /cases/:case/requests/:request/withdraw": ["coordinator"],
        "GET /cases/:case/requests/:request": ["coordinator", "designated-doctor"],
        "POST /cases/:case/requests/:request/remind": ["coordinator"],
        "POST /cases/:case/requests/:request/contact": ["coordinator"],
        "POST /cases/:case/requests/:request/waive": ["coordinator"],
        "POST /cases/:case/requests/:request/decline": ["coordinator"],
        "POST /cases/:case/duplicate": ["coordinator"],
        "GET /cases/:case/correction": ["coordinator"],
        "POST /cases/:case/correction": ["coordinator"],
        "POST /cases/:case/commands": ["coordinator", "designated-doctor"],
        "GET /rapid-responses": ["designated-doctor", "coordinator"],
        "GET /cases/:case/rapid-response": ["designated-doctor"],
        "POST /cases/:case/triage": ["designated-doctor"],
        "POST /cases/:case/rapid-response": ["designated-doctor"],
        "POST /cases/:case/rapid-response/complete": ["designated-doctor"],
        "GET /meetings": ["coordinator", "designated-doctor", "panel-member"],
        "POST /meetings": ["coordinator"],
        "GET /meetings/:meeting": ["coordinator", "designated-doctor", "panel-member"],
        "POST /meetings/:meeting/held": ["coordinator", "designated-doctor"],
        "POST /meetings/:meeting/minutes": ["coordinator", "designated-doctor"],
        "POST /meetings/:meeting/actions": ["coordinator", "designated-doctor"],
        "POST /meetings/:meeting/reschedule": ["coordinator", "designated-doctor"],
        "POST /meetings/:meeting/agenda": ["coordinator"],
        "POST /meetings/:meeting/invitees": ["coordinator", "designated-doctor"],
        "POST /meetings/:meeting/invitees/withdraw": ["coordinator", "designated-doctor"],
        "POST /meetings/:meeting/cancel": ["coordinator", "designated-doctor"],
        "POST /meetings/:meeting/agenda/remove": ["coordinator"],
        "POST /meetings/:meeting/agenda/waive": ["coordinator", "panel-member"],
        "GET /meetings/:meeting/pack": ["coordinator", "designated-doctor", "panel-member"],
        "GET /panel/cases/:case": ["panel-member", "coordinator"],
        "POST /panel/cases/:case": ["panel-member", "coordinator"],
        "GET /panel/reports/annual": ["coordinator", "designated-doctor", "panel-member"],
        "GET /panel/national-return": ["coordinator"],
        "POST /panel/national-return": ["coordinator"],
        "GET /agencies": ["coordinator"],
        "POST /agencies": ["coordinator"],
        "GET /agencies/:agency": ["coordinator"],
        "POST /agencies/:agency": ["coordinator"],
        "POST /agencies/:agency/retire": ["coordinator"],
        "GET /admin/users": ["admin"],
        "POST /admin/users": ["admin"],
        "POST /admin/users/:user/disable": ["admin"],
        "POST /admin/users/:user/enable": ["admin"],
        "POST /admin/users/:user/reset-password": ["admin"],
        "GET /admin/access-log": ["admin"],
        "GET /privacy": ["admin", "coordinator"],
        "GET /cases/:case/privacy": ["admin", "coordinator"],
        "POST /cases/:case/privacy/erasure": ["admin", "coordinator"],
        "POST /cases/:case/privacy/export": ["admin", "coordinator"],
        "GET /forms/:token": ["public"],
        "GET /api/v1/openapi.json": ["public"],
        "GET /api/v1/me": ["admin", "coordinator", "designated-doctor", "panel-member"],
        "POST /api/v1/notifications": ["public"],
        "GET /api/v1/cases": ["coordinator", "designated-doctor"],
        "GET /api/v1/cases/:case": ["coordinator", "designated-doctor"],
        "POST /api/v1/cases/:case/commands": ["coordinator", "designated-doctor"],
        "GET /api/v1/cases/:case/requests/:request": ["coordinator", "designated-doctor"],
        "POST /api/v1/cases/:case/requests/:request/commands": ["coordinator"],
        "GET /api/v1/dashboard": ["coordinator"],
        "GET /api/v1/agencies": ["coordinator"],
        "GET /api/v1/forms": ["public"],
        "GET /api/v1/forms/:form": ["public"],
        "GET /api/v1/links/:token": ["public"],
        "POST /api/v1/links/:token": ["public"],
        "POST /forms/:token": ["public"],
        "GET /api/v1/meetings": ["coordinator", "designated-doctor", "panel-member"],
        "POST /api/v1/meetings": ["coordinator"],
        "GET /api/v1/meetings/:meeting": ["coordinator", "designated-doctor", "panel-member"],
        "GET /api/v1/meetings/:meeting/pack": ["coordinator", "designated-doctor", "panel-member"],
        "POST /api/v1/meetings/:meeting/commands": ["coordinator", "designated-doctor"],
        "POST /api/v1/cases/:case/rapid-response": ["designated-doctor"],
        "GET /api/v1/panel/cases/:case": ["panel-member", "coordinator"],
        "POST /api/v1/panel/cases/:case/outcome": ["panel-member", "coordinator"],
        "GET /api/v1/users": ["admin"],
        "POST /api/v1/users": ["admin"],
        "POST /api/v1/users/:user/commands": ["admin"],
        "GET /healthz": ["public"],
        // Nobody through a browser: loopback without the proxy, or the bearer token (MetricsAccess).
        "GET /metrics": [],
    ]

    @Test("Every route is listed with its allowed roles")
    func everyRouteIsListedWithItsAllowedRoles() async throws {
        let fixture = try await WebFixture()
        let served = Set(fixture.routes.specs.map(\.description))
        #expect(served == Set(Self.expected.keys), "routes served but not listed, or listed but not served")
    }

    @Test("Every role is allowed exactly the routes listed")
    func everyRoleIsAllowedExactlyTheRoutesListed() async throws {
        var fixture = try await WebFixture()
        let notification = fixture.notification()
        let caseID = try fixture.engine.workflow.notify(notification, by: Actor(name: "test", role: "coordinator"))
            .caseID
        let specs = fixture.routes.specs
        let usernames = fixture.usernames
        let adminCode = fixture.adminCode
        try await fixture.application.test(.router) { client in
            var identities: [(String, Browser, String)] = [("public", Browser(client), "")]
            for role in StaffRole.allCases {
                var browser = Browser(client)
                let csrf = try await browser.signIn(usernames[role]!, code: role == .admin ? adminCode : nil)
                #expect(!csrf.isEmpty, "\(role) could not sign in")
                identities.append((role.rawValue, browser, csrf))
            }
            for spec in specs where spec.description != "POST /sign-out" {
                let uri = Self.uri(of: spec, caseID: caseID)
                var allowed: Set<String> = []
                for index in identities.indices {
                    var browser = identities[index].1
                    let response =
                        spec.method == "GET"
                        ? try await browser.get(uri) : try await browser.post(uri, [], csrf: identities[index].2)
                    let location = response.headers[.location] ?? ""
                    let refused =
                        response.status == .forbidden || response.status == .unauthorized
                        || (response.status == .seeOther && location.hasPrefix("/sign-in?next="))
                    let body = String(buffer: response.body)
                    let csrfRefusal =
                        response.status == .forbidden
                        && (body.contains("This form has expired") || body.contains("auth.csrf"))
                    if !refused || csrfRefusal { allowed.insert(identities[index].0) }
                }
                let expected = Self.expected[spec.description] ?? []
                let want = expected == ["public"] ? Set(["public"] + StaffRole.allCases.map(\.rawValue)) : expected
                #expect(allowed == want, "\(spec): allowed \(allowed.sorted()), expected \(want.sorted())")
            }
        }
    }

    /// Every route that names a case or a meeting, walked by each role that may use it, limited to the case's
    /// area (it must reach the case) and to another area (it must not: "not found", never a hint).
    @Test("Every case and meeting route refuses users of other areas")
    func everyCaseAndMeetingRouteRefusesUsersOfOtherAreas() async throws {
        var fixture = try await WebFixture()
        let (caseID, meetingID) = try fixture.caseListedForPanel(in: "NTH")
        // A request on the case, so its pages have one to reach.
        let agency = AgencyID(UUID())
        let coordinator = Actor(name: "casey.coordinator", role: "coordinator")
        try await fixture.engine.workflow.execute(
            .recordAgencyInvolved(
                AgencyInvolvement(
                    agencyID: agency, agencyName: "Northgate Surgery", kind: .gp, contactName: nil,
                    contactEmail: "jo@northgate.example.nhs.uk")),
            on: caseID, by: coordinator)
        let requestID = FormRequestID(UUID())
        try await fixture.engine.workflow.execute(
            .requestForm(
                requestID: requestID, agencyID: agency, formType: .reporting,
                contactEmail: "jo@northgate.example.nhs.uk",
                dueDate: LondonTime.day(of: fixture.clock.now()).adding(days: 14), schedule: nil),
            on: caseID, by: coordinator)
        let roles: [StaffRole] = [.coordinator, .designatedDoctor, .panelMember]
        var outsiders: [StaffRole: String] = [:]
        var insiders: [StaffRole: String] = [:]
        for role in roles {
            outsiders[role] = try fixture.addLimitedUser(role, areas: ["STH"])
            insiders[role] = try fixture.addLimitedUser(role, areas: ["NTH"])
        }
        let (outside, inside) = (outsiders, insiders)
        let specs = fixture.routes.specs.filter { $0.path.contains(":case") || $0.path.contains(":meeting") }
        #expect(specs.count >= 20, "the case- and meeting-bearing routes are walked")
        try await fixture.application.test(.router) { client in
            var sessions: [String: (Browser, String)] = [:]
            for username in Array(outside.values) + Array(inside.values) {
                var browser = Browser(client)
                let csrf = try await browser.signIn(username)
                sessions[username] = (browser, csrf)
            }
            for spec in specs {
                let uri = spec.path.replacingOccurrences(of: ":case", with: caseID.description)
                    .replacingOccurrences(of: ":meeting", with: meetingID.description)
                    .replacingOccurrences(of: ":request", with: requestID.description)
                for role in roles where Self.expected[spec.description]?.contains(role.rawValue) == true {
                    for (username, inArea) in [(outside[role]!, false), (inside[role]!, true)] {
                        var (browser, csrf) = sessions[username]!
                        let response: TestResponse
                        if spec.method == "GET" {
                            response = try await browser.get(uri)
                        } else if spec.kind == .api {
                            response = try await JSONAPI.post(
                                client, uri, Data("{}".utf8), cookies: browser.cookieHeader, csrf: csrf)
                        } else {
                            response = try await browser.post(uri, [], csrf: csrf)
                        }
                        if inArea {
                            if spec.method == "GET" {
                                #expect(
                                    response.status == .ok, "\(spec) as \(role) of the case's area: \(response.status)")
                            }
                        } else {
                            #expect(
                                response.status == .notFound, "\(spec) as \(role) of another area: \(response.status)")
                        }
                    }
                }
            }
        }
        let state = try fixture.engine.workflow.meetingState(meetingID)
        #expect(state.agenda == [caseID] && !state.isCancelled)
    }

    /// A route's path with a value in each parameter.
    static func uri(of spec: RouteSpec, caseID: CaseID) -> String {
        spec.path.replacingOccurrences(of: ":case", with: caseID.description)
            .replacingOccurrences(of: ":request", with: UUID().uuidString.lowercased())
            .replacingOccurrences(of: ":token", with: String(repeating: "A", count: 43))
            .replacingOccurrences(of: ":file", with: "cdop.css")
            .replacingOccurrences(of: ":meeting", with: UUID().uuidString.lowercased())
            .replacingOccurrences(of: ":user", with: "nobody.here")
            .replacingOccurrences(of: ":agency", with: UUID().uuidString.lowercased())
            .replacingOccurrences(of: ":form", with: "reporting")
    }

    @Test("A session signed in with a generated password reaches only the account page, its password form and sign-out")
    func aGeneratedPasswordReachesOnlyThePasswordChange() async throws {
        var fixture = try await WebFixture()
        let caseID = try fixture.engine.workflow.notify(
            fixture.notification(), by: Actor(name: "test", role: "coordinator")
        ).caseID
        let username = fixture.usernames[.coordinator]!
        let user = try #require(try fixture.services.users.user(named: username))
        let generated = try fixture.services.users.resetPassword(user.userID, by: Actor(name: "setup", role: "admin"))
        let specs = fixture.routes.specs
        try await fixture.application.test(.router) { client in
            var browser = Browser(client)
            let csrf = try await browser.signIn(username, password: generated)
            #expect(!csrf.isEmpty)
            var reached: Set<String> = []
            for spec in specs where spec.access.isStaffOnly && spec.description != "POST /sign-out" {
                let uri = Self.uri(of: spec, caseID: caseID)
                let response =
                    spec.method == "GET" ? try await browser.get(uri) : try await browser.post(uri, [], csrf: csrf)
                let body = String(buffer: response.body)
                switch spec.kind {
                case .page:
                    if response.headers[.location] != "/account?mustChange=1" { reached.insert(spec.description) }
                case .api:
                    #expect(
                        response.status == .forbidden && body.contains("auth.passwordChangeRequired"),
                        "\(spec): \(body)")
                    if response.status != .forbidden { reached.insert(spec.description) }
                }
            }
            #expect(reached == ["GET /account", "POST /account/password"])

            let problem = try await browser.get("/api/v1/cases")
            #expect(problem.headers[.contentType] == "application/problem+json")
            let document =
                try JSONSerialization.jsonObject(with: Data(String(buffer: problem.body).utf8)) as? [String: Any]
            #expect(document?["code"] as? String == "auth.passwordChangeRequired")
            #expect(document?["title"] as? String == "Set a new password first")
            #expect((document?["detail"] as? String)?.contains("a new password must be set first") == true)
            #expect(document?["status"] as? Int == 403)

            _ = try await browser.post("/sign-out", [], csrf: csrf)
            var again = Browser(client)
            #expect(
                try await again.signIn(username, password: generated).isEmpty, "the generated password worked once only"
            )
        }
    }

    @Test("A refused staff request is recorded on the user's access log")
    func aRefusedStaffRequestIsRecordedOnTheUsersAccessLog() async throws {
        let fixture = try await WebFixture()
        try await fixture.browse(as: .panelMember) { browser, _ in
            let response = try await browser.get("/dashboard")
            #expect(response.status == .forbidden)
        }
        let events = try fixture.engine.sqliteStore!.readAll(after: 0, limit: 10_000).map(\.type)
        #expect(events.contains("user.accessRefused.v1"))
    }
}
