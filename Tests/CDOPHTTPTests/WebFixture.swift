import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPHTTP
import CDOPMail
import CDOPStore
import CDOPTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A server on a fresh database with the shipped definitions, a test clock, and one user per role.
struct WebFixture {
    static let password = "correct horse battery staple"

    let folder = TemporaryDirectory("cdop-web")
    let clock = TestClock(iso: "2026-06-01T09:00:00Z")
    let engine: Engine
    let services: WebServices
    let routes: RouteTable
    var random = SeededRandom(seed: 11)
    /// Usernames by role: "admin", "coordinator", "doctor", "panel".
    /// The administrator's authenticator (administrators always need a one-time code).
    let adminAuthenticator: TOTP
    let usernames: [StaffRole: String] = [
        .admin: "ada.admin", .coordinator: "casey.coordinator", .designatedDoctor: "dana.doctor",
        .panelMember: "pat.panel",
    ]

    init(
        limits: RateLimits = RateLimits(), metrics: ServerMetrics = ServerMetrics(),
        configure: (inout AppConfiguration) -> Void = { _ in }
    ) async throws {
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        configuration.definitionsPath = BuiltProducts.packageRoot.path
        configuration.mail = MailSettings(
            sender: try MailAddress("cdop@localhost"), delivery: .spool(directory: folder.path("outbox")))
        configure(&configuration)
        var options = EventStoreOptions()
        options.durability = .processCrash
        let definitions = try DefinitionSet.load(from: BuiltProducts.packageRoot).get()
        engine = try Engine(
            configuration: configuration, clock: clock, storeOptions: options,
            schedules: DeclaredSchedules(definitions), linkSecret: Data(repeating: 7, count: 32))
        let users = UserDirectory(engine: engine, bcryptCost: 4)
        services = WebServices(
            engine: engine, definitions: definitions, renderer: try await PageRenderer.load(), clock: clock,
            users: users,
            sessions: SessionStore(store: engine.sqliteStore!), limits: limits, metrics: metrics)
        routes = WebServer.routes(services)
        let admin = Actor(name: "setup", role: "admin")
        var authenticator = TOTP(secret: [])
        for (role, username) in usernames {
            let account = try users.addUser(
                username: username, displayName: username, email: "\(username)@example.org", roles: [role], areas: [],
                by: admin)
            try users.changePassword(account.userID, old: account.initialPassword, new: Self.password)
            if role == .admin {
                let enrolment = try users.enrolSecondFactor(account.userID)
                authenticator = TOTP(secret: Base32.decode(enrolment.secret) ?? [])
                try users.confirmSecondFactor(
                    account.userID, code: authenticator.code(forStep: TOTP.step(at: clock.now())), now: clock.now())
            }
        }
        adminAuthenticator = authenticator
    }

    var application: some ApplicationProtocol {
        Application(router: routes.router)
    }

    mutating func notification(surname: String = "Testchild", area: String = "NTH") -> DeathNotification {
        SyntheticPanel.notification(
            using: &random, died: CalendarDate(year: 2026, month: 5, day: 30)!,
            notified: CalendarDate(year: 2026, month: 5, day: 31)!, ageDays: 120, area: area, expectation: .unexpected,
            forenames: "Alex", surname: surname, nhs: SyntheticPanel.nhsNumber(using: &random))
    }
}

/// A browser's cookie jar and the requests it sends, over the router.
struct Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }

    mutating func get(_ uri: String) async throws -> TestResponse {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: uri, method: .get, headers: headers)
        keep(response)
        return response
    }

    /// Posts `fields` as a form (the CSRF token is added from the page's hidden field unless `csrf` is given).
    mutating func post(_ uri: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        var all = fields
        if let csrf { all.append(("csrf", csrf)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let response = try await client.execute(
            uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        keep(response)
        return response
    }

    /// Posts the sign-in form with `fields`, carrying the token of a sign-in page fetched first.
    mutating func postSignIn(_ fields: [(String, String)]) async throws -> TestResponse {
        let page = try await get("/sign-in")
        return try await post("/sign-in", fields, csrf: Self.hiddenCSRF(in: String(buffer: page.body)) ?? "")
    }

    /// Signs in as `username` and returns the session's CSRF token (read from a page's sign-out form).
    mutating func signIn(_ username: String, password: String = WebFixture.password, code: String? = nil) async throws
        -> String
    {
        var fields = [("username", username), ("password", password), ("next", "/account")]
        if let code { fields.append(("code", code)) }
        let response = try await postSignIn(fields)
        guard response.status == .seeOther else { return "" }
        let account = try await get("/account")
        return Self.hiddenCSRF(in: String(buffer: account.body)) ?? ""
    }

    /// Keeps the response's cookies, and checks that no page rendered so far (by any test of the process) came out
    /// differently from swift-mustache's rendering of the same template.
    private mutating func keep(_ response: TestResponse) {
        #expect(PageRenderer.parityMismatches == 0, "a page rendered differently from swift-mustache: see stderr")
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[1].isEmpty { cookies[parts[0]] = nil } else { cookies[parts[0]] = parts[1] }
        }
    }

    static func hiddenCSRF(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension WebFixture {
    /// The administrator's next one-time code (the step after the one enrolment used).
    var adminCode: String { adminAuthenticator.code(forStep: TOTP.step(at: clock.now()) + 1) }
}

extension WebFixture {
    /// Adds a member of staff with one role, limited to `areas`, whose password is `WebFixture.password`; their
    /// username. Administrators are not offered: they need a second factor.
    func addLimitedUser(_ role: StaffRole, areas: Set<String>) throws -> String {
        let username = "\(role.rawValue).\(areas.sorted().joined(separator: "-").lowercased())"
        let account = try services.users.addUser(
            username: username, displayName: username, email: "\(username)@example.org", roles: [role], areas: areas,
            by: Actor(name: "setup", role: "admin"))
        try services.users.changePassword(account.userID, old: account.initialPassword, new: Self.password)
        return username
    }

    /// A case notified in `area` (the fixture's notification moved there).
    mutating func notifiedCase(in area: String, surname: String = "Testchild") throws -> CaseID {
        try engine.workflow.notify(
            notification(surname: surname, area: area), by: Actor(name: "test", role: "coordinator")
        ).caseID
    }

    /// A panel meeting a week ahead with `cases` on its agenda.
    func panelMeeting(with cases: [CaseID], title: String = "June panel") throws -> MeetingID {
        let meetingID = MeetingID(UUID())
        let start = clock.now().addingTimeInterval(7 * 86_400)
        let coordinator = Actor(name: "casey.coordinator", role: "coordinator")
        try engine.workflow.execute(
            .schedule(
                meetingID: meetingID, type: .panel, title: title, startsAt: start,
                endsAt: start.addingTimeInterval(7200),
                venue: MeetingVenue(place: "Room 4", callLink: "https://meet.example.org/june"), theme: nil),
            on: meetingID, by: coordinator)
        try engine.workflow.execute(
            .invite(Invitee(name: "Pat Panel", email: "pat@example.org", role: .panelMember)), on: meetingID,
            by: coordinator)
        for caseID in cases {
            try engine.workflow.execute(.addCaseToAgenda(caseID), on: meetingID, by: coordinator)
        }
        return meetingID
    }
}

extension WebFixture {
    /// A case of `area` triaged as expected, ready for the panel and listed for a panel meeting a week ahead.
    mutating func caseListedForPanel(in area: String) throws -> (CaseID, MeetingID) {
        let caseID = try notifiedCase(in: area)
        let workflow = engine.workflow
        try workflow.execute(
            .triage(expectation: .expected, confirmedBy: "Dr Dana Doctor", triggers: []), on: caseID,
            by: Actor(name: "dana.doctor", role: "designated-doctor"))
        let coordinator = Actor(name: "casey.coordinator", role: "coordinator")
        try workflow.execute(.markReadyForPanel, on: caseID, by: coordinator)
        let meetingID = try panelMeeting(with: [])
        let start = try workflow.meetingState(meetingID).startsAt ?? clock.now()
        try workflow.assignToPanel(
            caseID, meetingID: meetingID, meetingDate: LondonTime.day(of: start), by: coordinator)
        return (caseID, meetingID)
    }
}
