import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

@Suite("A practitioner's link: open, save a draft, submit")
struct PractitionerAccessTests {
    static let reporting = FormDefinitionReference(id: "reporting", version: 1)
    static let partial: FormAnswers = ["concerns": .text("Still checking the records.")]
    static let complete: FormAnswers = ["concerns": .text("None recorded."), "seenInLast12Months": .yesNo(.yes)]

    /// A case whose GP was asked for Form B: the engine issued its link in the same transaction.
    struct Requested {
        var fixture: AppFixture
        var caseID: CaseID
        var requestID: FormRequestID
        var access: PractitionerAccess { PractitionerAccess(workflow: fixture.workflow) }
        var links: PractitionerLinks { fixture.workflow.links! }
        var token: String { links.token(for: requestID) }

        init() throws {
            fixture = try AppFixture()
            caseID = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator).caseID
            let agency = AgencyID(UUID())
            requestID = FormRequestID(UUID())
            try fixture.workflow.execute(
                .recordAgencyInvolved(
                    AgencyInvolvement(
                        agencyID: agency, agencyName: "Northgate Surgery", kind: .gp,
                        contactEmail: "lead@gp.example.org")),
                on: caseID, by: fixture.coordinator)
            try fixture.workflow.execute(
                .requestForm(
                    requestID: requestID, agencyID: agency, formType: .reporting, contactEmail: "lead@gp.example.org",
                    dueDate: CalendarDate(year: 2026, month: 6, day: 15)!, schedule: nil),
                on: caseID, by: fixture.coordinator)
        }

        var now: Date { fixture.clock.now() }
        func position() throws -> Int64 { try fixture.engine.sqliteStore!.lastPosition() }
    }

    @Test("Opening a link finds its case and request; a draft is saved, found again, and cleared by submitting")
    func draftThenSubmit() throws {
        let requested = try Requested()
        let access = requested.access
        let opened = try access.open(token: requested.token, now: requested.now)
        #expect(opened.caseID == requested.caseID)
        #expect(opened.use.request?.id == requested.requestID)
        #expect(opened.use.request?.draft == nil)

        let saved = try access.saveDraft(
            token: requested.token, definition: Self.reporting, answers: Self.partial, now: requested.now)
        #expect(saved.map(\.typeName) == ["case.formDraftSaved.v1"])
        let reopened = try access.open(token: requested.token, now: requested.now)
        #expect(reopened.use.request?.draft?.answers == Self.partial)
        #expect(reopened.use.request?.draft?.savedBy == "Northgate Surgery")

        let recorded = try #require(try requested.fixture.engine.store.readStream(requested.caseID.streamID).last)
        let metadata = try JSONDecoder().decode(EventMetadata.self, from: recorded.metadata)
        #expect(metadata.actor == "practitioner-link" && metadata.role == "practitioner")

        let submitted = try access.submit(
            token: requested.token, definition: Self.reporting, answers: Self.complete, now: requested.now)
        #expect(submitted.map(\.typeName).contains("case.formReturned.v1"))
        let after = try access.open(token: requested.token, now: requested.now)
        #expect(after.use == .refused(.returned))
        let request = try #require(after.state.request(requested.requestID))
        #expect(request.draft == nil)
        #expect(request.answers == Self.complete)
        guard case .formReturned(let returned)? = submitted.first(where: { $0.typeName == "case.formReturned.v1" })
        else {
            Issue.record("no return recorded")
            return
        }
        #expect(returned.submittedBy == "Northgate Surgery")
        let summary = try requested.fixture.engine.sqliteStore!.read { db in
            try CaseQueries.summary(requested.caseID, in: db)
        }
        #expect(summary?.outstandingRequests == 0)
    }

    @Test("A form cannot be submitted or saved twice through its link: the practitioner is told it was returned")
    func submitTwice() throws {
        let requested = try Requested()
        try requested.access.submit(
            token: requested.token, definition: Self.reporting, answers: Self.complete, now: requested.now)
        let before = try requested.position()
        let error = #expect(throws: CommandError.self) {
            try requested.access.saveDraft(
                token: requested.token, definition: Self.reporting, answers: Self.partial, now: requested.now)
        }
        #expect(error == PractitionerAccess.refusal(.returned))
        #expect(error?.description == LinkRefusal.returned.message)
        #expect(try requested.position() == before)
    }

    @Test("A token no link was issued for is refused as unknown, and nothing is written")
    func unknownToken() throws {
        let requested = try Requested()
        let stranger = requested.links.token(for: FormRequestID(UUID()))
        #expect(throws: PractitionerAccess.refusal(.unknown)) {
            try requested.access.open(token: stranger, now: requested.now)
        }
        let before = try requested.position()
        #expect(throws: PractitionerAccess.refusal(.unknown)) {
            try requested.access.submit(token: stranger, definition: Self.reporting, answers: [:], now: requested.now)
        }
        #expect(try requested.position() == before)
    }

    @Test("A link withdrawn after the page opened is refused on submit with the practitioner's message")
    func withdrawnBetweenOpenAndSubmit() throws {
        let requested = try Requested()
        let opened = try requested.access.open(token: requested.token, now: requested.now)
        #expect(opened.use.request != nil)
        try requested.fixture.workflow.execute(
            .withdrawFormRequest(requestID: requested.requestID, reason: "Sent to the wrong practice"),
            on: requested.caseID, by: requested.fixture.coordinator)
        let before = try requested.position()
        let error = #expect(throws: CommandError.self) {
            try requested.access.submit(
                token: requested.token, definition: Self.reporting, answers: Self.complete, now: requested.now)
        }
        #expect(error?.code == "link.requestWithdrawn")
        #expect(error?.description == LinkRefusal.withdrawn.message)
        #expect(try requested.position() == before)
    }

    @Test("Only the latest link of a request works; the earlier one is refused as superseded")
    func superseded() throws {
        let requested = try Requested()
        try requested.fixture.workflow.execute(
            requested.links.issueCommand(for: requested.requestID, at: requested.now, issue: 2),
            on: requested.caseID, by: requested.fixture.coordinator)
        let newer = requested.links.token(for: requested.requestID, issue: 2)
        #expect(try requested.access.open(token: requested.token, now: requested.now).use == .refused(.superseded))
        #expect(try requested.access.open(token: newer, now: requested.now).use.request?.id == requested.requestID)
        #expect(throws: PractitionerAccess.refusal(.superseded)) {
            try requested.access.saveDraft(
                token: requested.token, definition: Self.reporting, answers: Self.partial, now: requested.now)
        }
        try requested.access.saveDraft(
            token: newer, definition: Self.reporting, answers: Self.partial, now: requested.now)
    }

    @Test("An expired link opens to a refusal telling the practitioner to ask for a new one, and cannot submit")
    func expired() throws {
        let requested = try Requested()
        let expiry = requested.now.addingTimeInterval(requested.links.lifetime)
        let opened = try requested.access.open(token: requested.token, now: expiry)
        #expect(opened.use == .refused(.expired(at: expiry)))
        #expect(throws: PractitionerAccess.refusal(.expired(at: expiry))) {
            try requested.access.submit(
                token: requested.token, definition: Self.reporting, answers: Self.complete, now: expiry)
        }
        #expect(
            PractitionerAccess.refusal(.expired(at: expiry)).description
                == "This link has expired. Contact the CDOP coordinator for a new one.")
    }

    @Test("The links' read model finds a case by token hash, and a rebuild compares it")
    func readModelAndRebuild() throws {
        let requested = try Requested()
        let store = requested.fixture.engine.sqliteStore!
        let hash = PractitionerLinks.hash(of: requested.token)
        #expect(try store.read { db in try LinkQueries.caseID(forTokenHash: hash, in: db) } == requested.caseID)
        #expect(
            try store.read { db in try LinkQueries.caseID(forTokenHash: String(repeating: "0", count: 64), in: db) }
                == nil)
        #expect(try ReadModelRebuild(store: store).run().isClean)
        try store.database.write { db in try db.execute(sql: "DELETE FROM practitioner_links") }
        #expect(try ReadModelRebuild(store: store).run().differences.map(\.table) == ["practitioner_links"])
    }
}
