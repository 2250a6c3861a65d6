import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import Testing

/// The read-model queries the command line and the web share (`MeetingQueries`, `AgencyDirectory`,
/// `FormRequestQueries`) and the resolving of what a person types to one agency, meeting or action.
@Suite("The read-model queries the command line and the web share, and resolving what a person types")
struct ReadModelQueryTests {
    @Test(
        "The areas of several cases come from one query, each as the case's own summary gives it, nil for a case not known"
    )
    func areasOfSeveralCases() throws {
        var fixture = try AppFixture()
        var cases: [CaseID] = []
        for area in ["NTH", "STH", "NTH", "EST"] {
            cases.append(try fixture.workflow.notify(fixture.notification(area: area), by: fixture.coordinator).caseID)
        }
        let unknown = CaseID(UUID())
        let areas = try fixture.engine.sqliteStore!.read { db in try MeetingQueries.areas(of: cases + [unknown], in: db)
        }
        #expect(Set(areas.keys) == Set(cases + [unknown]))
        for caseID in cases {
            let own = try fixture.engine.sqliteStore!.read { db in try CaseQueries.summary(caseID, in: db) }
            #expect(areas[caseID] == .some(own?.areaCode), "\(caseID)")
        }
        #expect(areas[unknown] == .some(nil))
        #expect(areas[cases[0]] == .some("NTH") && areas[cases[1]] == .some("STH"))
        #expect(try fixture.engine.sqliteStore!.read { db in try MeetingQueries.areas(of: [], in: db) }.isEmpty)
    }

    @Test("The meetings' summaries give each agenda's references in agenda order, and only the type asked for")
    func meetingSummaries() throws {
        var fixture = try AppFixture()
        let first = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator).caseID
        let second = try fixture.workflow.notify(
            fixture.notification(surname: "Othername", nhs: nil), by: fixture.coordinator
        ).caseID
        let panel = try Self.meeting(.panel, in: fixture, agenda: [second, first])
        _ = try Self.meeting(.childDeathReview, in: fixture, agenda: [])
        let all = try fixture.engine.sqliteStore!.read { db in try MeetingQueries.summaries(type: nil, in: db) }
        #expect(all.count == 2)
        let panels = try fixture.engine.sqliteStore!.read { db in try MeetingQueries.summaries(type: "panel", in: db) }
        #expect(panels.map(\.meetingId) == [panel.description])
        #expect(panels.first?.agenda == [second.reference, first.reference])
        #expect(panels.first?.invitees == 1)
    }

    @Test("An agency is found by its id, its name in any case, or an id prefix; a name no agency has is not found")
    func agencyResolved() throws {
        let fixture = try AppFixture()
        let agency = AgencyID(UUID())
        try fixture.workflow.execute(
            .register(
                agencyID: agency, name: "Northgate Surgery", kind: .gp,
                contacts: [AgencyContact(name: "Lead", email: "lead@northgate.example.nhs.uk", isLead: true)]),
            on: agency, by: fixture.coordinator)
        #expect(try fixture.engine.resolveAgency(agency.description) == agency)
        #expect(try fixture.engine.resolveAgency("  northgate SURGERY ") == agency)
        #expect(try fixture.engine.resolveAgency(String(agency.description.prefix(8)).uppercased()) == agency)
        #expect(throws: CommandError.notFound(kind: "agency", reference: "Southgate Surgery")) {
            try fixture.engine.resolveAgency("Southgate Surgery")
        }
        let listed = try fixture.engine.sqliteStore!.read { db in try AgencyDirectory.all(in: db) }
        #expect(listed == [AgencyView(agency, try fixture.workflow.agencyState(agency))])
    }

    @Test(
        "A meeting is found by an id prefix; a meeting's action by a prefix of its id, and an unknown one is not found")
    func meetingAndActionResolved() throws {
        var fixture = try AppFixture()
        let caseID = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator).caseID
        let meetingID = try Self.meeting(.panel, in: fixture, agenda: [caseID])
        #expect(try fixture.engine.resolveMeeting(String(meetingID.description.prefix(6))) == meetingID)
        #expect(throws: CommandError.notFound(kind: "meeting", reference: "room 4")) {
            try fixture.engine.resolveMeeting("room 4")
        }
        let actionID = ActionID(UUID())
        fixture.clock.advance(days: 8)
        try fixture.workflow.execute(.recordHeld(attendance: []), on: meetingID, by: fixture.coordinator)
        try fixture.workflow.execute(
            .agreeAction(
                actionID: actionID, description: "Write to the school", owner: "Coordinator",
                dueDate: CalendarDate(year: 2026, month: 7, day: 1)!, caseID: caseID),
            on: meetingID, by: fixture.coordinator)
        let state = try fixture.workflow.meetingState(meetingID)
        #expect(try state.resolveAction(String(actionID.description.prefix(8))).id == actionID)
        #expect(throws: CommandError.notFound(kind: "action", reference: "ffff of this meeting")) {
            try state.resolveAction("ffff")
        }
        let view = MeetingView(meetingID, state, identifiable: false)
        #expect(view.actions.map(\.caseReference) == [caseID.reference])
        #expect(view.invitees == nil && view.attendance == nil, "no invitees' details without identifiable")
    }

    @Test("Form requests are listed soonest due first, and only the outstanding ones when asked")
    func formRequestsListed() throws {
        var fixture = try AppFixture()
        let caseID = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator).caseID
        let agency = try fixture.involveGP(in: caseID)
        let (early, late) = (FormRequestID(UUID()), FormRequestID(UUID()))
        // One Form B at a time from an agency: the earlier-due request is waived before the later one is made.
        for (request, day) in [(early, 10), (late, 20)] {
            try fixture.workflow.execute(
                .requestForm(
                    requestID: request, agencyID: agency, formType: .reporting, contactEmail: "lead@gp.example.org",
                    dueDate: CalendarDate(year: 2026, month: 6, day: day)!, schedule: nil),
                on: caseID, by: fixture.coordinator)
            if request == early {
                try fixture.workflow.execute(
                    .waiveFormRequest(requestID: early, reason: "Not needed"), on: caseID, by: fixture.coordinator)
            }
        }
        let all = try fixture.engine.sqliteStore!.read { db in
            try FormRequestQueries.list(caseID: caseID, outstandingOnly: false, in: db)
        }
        #expect(all.map(\.requestId) == [early.description, late.description])
        #expect(all.allSatisfy { $0.reference == caseID.reference && $0.agencyName == "Northgate Surgery" })
        let outstanding = try fixture.engine.sqliteStore!.read { db in
            try FormRequestQueries.list(caseID: nil, outstandingOnly: true, in: db)
        }
        #expect(outstanding.map(\.requestId) == [late.description])
    }

    /// A meeting of `type` a week after the fixture's now, with one invitee and `agenda`.
    static func meeting(_ type: MeetingType, in fixture: AppFixture, agenda: [CaseID]) throws -> MeetingID {
        let meetingID = MeetingID(UUID())
        let start = fixture.clock.now().addingTimeInterval(7 * 86_400)
        try fixture.workflow.execute(
            .schedule(
                meetingID: meetingID, type: type, title: "\(type.label) meeting", startsAt: start,
                endsAt: start.addingTimeInterval(7200), venue: MeetingVenue(place: "Room 4"), theme: nil),
            on: meetingID, by: fixture.coordinator)
        try fixture.workflow.execute(
            .invite(Invitee(name: "Pat Panel", email: "pat@example.org", role: .panelMember)), on: meetingID,
            by: fixture.coordinator)
        for caseID in agenda {
            try fixture.workflow.execute(.addCaseToAgenda(caseID), on: meetingID, by: fixture.coordinator)
        }
        return meetingID
    }
}
