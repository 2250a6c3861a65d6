import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CDOPHTTP

/// What each role sees: the coordinator's dashboard, the identifiable case page (recorded), and the panel's
/// pseudonymised view.
@Suite("What each role sees")
struct RolePageTests {
    @Test("The dashboard shows requests with time left and open cases by stage")
    func theDashboardShowsRequestsWithTimeLeftAndOpenCasesByStage() async throws {
        var fixture = try await WebFixture()
        _ = try fixture.caseWithFormBRequested()
        try await fixture.browse(as: .coordinator) { browser, _ in
            let response = try await browser.get("/dashboard")
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(html.contains("Northgate Surgery") && html.contains("14 days left"), "\(html)")
            #expect(html.contains("Open cases by stage and age") && html.contains("<svg"))
            #expect(!html.contains("Testchild"), "the dashboard names no child")
        }
    }

    @Test("The dashboard is shown again from its cache only while nothing is appended and the minute is the same")
    func theDashboardIsMadeAgainAfterAnAppendOrAMinute() async throws {
        var fixture = try await WebFixture()
        let first = try fixture.notifiedCase(in: "NTH")
        let engine = fixture.engine
        let notification = fixture.notification(surname: "Secondchild", area: "NTH")
        try await fixture.browse(as: .coordinator) { browser, _ in
            let before = String(buffer: try await browser.get("/dashboard").body)
            #expect(before.contains(first.reference))
            let again = String(buffer: try await browser.get("/dashboard").body)
            #expect(again == before, "the same minute, nothing appended: the same page")

            let second = try engine.workflow.notify(notification, by: Actor(name: "test", role: "coordinator")).caseID
            let after = String(buffer: try await browser.get("/dashboard").body)
            #expect(after.contains(second.reference), "a case notified since is shown at once")
        }
        let cache = DashboardCache()
        var made = 0
        let make = { () throws -> PreparedView in
            made += 1
            return PreparedView(value: .int(made), view: made)
        }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        _ = try cache.view(areas: ["NTH"], position: 10, now: now, make: make)
        _ = try cache.view(areas: ["NTH"], position: 10, now: now.addingTimeInterval(1), make: make)
        #expect(made == 1, "the same position and minute")
        _ = try cache.view(areas: ["STH"], position: 10, now: now, make: make)
        _ = try cache.view(areas: ["NTH"], position: 11, now: now, make: make)
        _ = try cache.view(areas: ["NTH"], position: 11, now: now.addingTimeInterval(60), make: make)
        #expect(made == 4, "other areas, a later position and the next minute are each made again")

        var casey = PageChrome(title: "Dashboard", panelName: "Panel", staff: nil, csrf: "", path: "/dashboard")
        casey.signedInAs = "Casey Coordinator"
        var chris = casey
        chris.signedInAs = "Chris Coordinator"
        let renderer = fixture.services.renderer
        func page(_ chrome: PageChrome) throws -> String {
            String(
                decoding: try cache.page(
                    areas: ["NTH"], position: 11, now: now.addingTimeInterval(60), chrome: chrome, renderer: renderer,
                    make: make),
                as: UTF8.self)
        }
        let caseys = try page(casey.withToken("token-one"))
        let again = try page(casey.withToken("token-two"))
        let other = try page(chris.withToken("token-three"))
        #expect(made == 4, "the pages are rendered from the view kept")
        #expect(caseys.contains("Casey Coordinator") && caseys.contains("token-one"))
        #expect(again.contains("token-two") && !again.contains("token-one"), "each session's own token")
        #expect(again.replacingOccurrences(of: "token-two", with: "token-one") == caseys)
        #expect(other.contains("Chris Coordinator") && !other.contains("Casey"), "each person's own chrome")
    }

    @Test("Viewing a case page is recorded on the viewer's access log")
    func viewingACasePageIsRecordedOnTheViewersAccessLog() async throws {
        var fixture = try await WebFixture()
        let (caseID, _, _) = try fixture.caseWithFormBRequested()
        try await fixture.browse(as: .coordinator) { browser, _ in
            let response = try await browser.get("/cases/\(caseID)")
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("Testchild"))
        }
        let viewed = try fixture.engine.sqliteStore!.readAll(after: 0, limit: 10_000).filter {
            $0.type == "user.caseViewed.v1"
        }
        #expect(viewed.count == 1)
        #expect(String(decoding: viewed[0].data, as: UTF8.self).contains(caseID.description))
    }

    @Test("A panel member sees a listed case pseudonymised and never the case page")
    func aPanelMemberSeesAListedCasePseudonymisedAndNeverTheCasePage() async throws {
        var fixture = try await WebFixture()
        let (caseID, _, _) = try fixture.caseWithFormBRequested()
        let coordinator = Actor(name: "casey.coordinator", role: "coordinator")
        let workflow = fixture.engine.workflow
        try await workflow.execute(
            .triage(expectation: .expected, confirmedBy: "Dr Dana Doctor", triggers: []), on: caseID,
            by: Actor(name: "dana.doctor", role: "designated-doctor"))
        try await workflow.execute(.markReadyForPanel, on: caseID, by: coordinator)
        let meetingID = MeetingID(UUID())
        let start = fixture.clock.now().addingTimeInterval(7 * 86_400)
        try await workflow.execute(
            .schedule(
                meetingID: meetingID, type: .panel, title: "June panel", startsAt: start,
                endsAt: start.addingTimeInterval(7200),
                venue: MeetingVenue(place: "Room 4"), theme: nil),
            on: meetingID, by: coordinator)
        try workflow.assignToPanel(
            caseID, meetingID: meetingID, meetingDate: LondonTime.day(of: start), by: coordinator)
        let notification = try workflow.caseState(caseID).notification!
        try await fixture.browse(as: .panelMember) { browser, _ in
            let meeting = try await browser.get("/meetings/\(meetingID)")
            #expect(String(buffer: meeting.body).contains("/panel/cases/\(caseID)"))
            let panel = try await browser.get("/panel/cases/\(caseID)")
            #expect(panel.status == .ok)
            let html = String(buffer: panel.body)
            #expect(html.contains("28 to 364 days") && html.contains("Record the panel"))
            for secret in [
                notification.child.name.surname, notification.child.name.forenames, notification.child.dateOfBirth.iso,
                DayFormatter.long(notification.child.dateOfBirth),
            ] {
                #expect(!html.contains(secret), "the panel's page shows \(secret)")
            }
            let identifiable = try await browser.get("/cases/\(caseID)")
            #expect(identifiable.status == .forbidden)
        }
        let refused = try fixture.engine.sqliteStore!.readAll(after: 0, limit: 10_000).filter {
            $0.type == "user.accessRefused.v1"
        }
        #expect(refused.count == 1)
    }
}
