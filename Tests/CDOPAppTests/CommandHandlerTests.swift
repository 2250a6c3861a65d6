import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

@Suite("The command handler")
struct CommandHandlerTests {
    @Test("A refused command writes nothing and carries the rule's code and message")
    func refusalWritesNothing() throws {
        var fixture = try AppFixture()
        let notified = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator)
        let before = try fixture.engine.sqliteStore!.lastPosition()
        let error = #expect(throws: CommandError.self) {
            try fixture.workflow.execute(
                .close(reason: "Review complete"), on: notified.caseID, by: fixture.coordinator)
        }
        #expect(error?.code.isEmpty == false)
        #expect(error?.description.isEmpty == false)
        #expect(try fixture.engine.sqliteStore!.lastPosition() == before)
    }

    @Test(
        "Convening a rapid response with an invitee whose name could never be mailed is refused whole, naming the field"
    )
    func conveningWithAnUnmailableInviteeWritesNothing() throws {
        var fixture = try AppFixture()
        let doctor = Actor(name: "dana.doctor", role: "designated-doctor")
        let caseID = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator).caseID
        try fixture.workflow.execute(
            .triage(expectation: .unexpected, confirmedBy: "Dr Dana Doctor", triggers: []), on: caseID, by: doctor)
        let before = try fixture.engine.sqliteStore!.lastPosition()
        let start = fixture.clock.now().addingTimeInterval(86_400)
        let invitees = [
            Invitee(name: "DS Robin Officer", email: "robin@police.example.org", role: .police),
            Invitee(name: "\"x\" <y@example.org>, z", email: "z@example.org", role: .other),
        ]
        let error = #expect(throws: CommandError.self) {
            try fixture.workflow.conveneRapidResponse(for: caseID, scheduledFor: start, invitees: invitees, by: doctor)
            { id in
                .schedule(
                    meetingID: id, type: .rapidResponse, title: "Rapid response", startsAt: start,
                    endsAt: start.addingTimeInterval(3_600),
                    venue: MeetingVenue(place: "Room 4"), theme: nil)
            }
        }
        #expect(error?.code == "input.invalidName")
        #expect(error?.description.hasPrefix("The invitee's name (") == true, "\(error?.description ?? "")")
        #expect(try fixture.engine.sqliteStore!.lastPosition() == before, "no meeting, nothing on the case")
    }

    @Test("A command on a case that does not exist is refused as not found")
    func unknownCase() throws {
        let fixture = try AppFixture()
        #expect(
            throws: CommandError.notFound(
                kind: "case", reference: CaseID(UUID(uuidString: "00000000-0000-4000-8000-000000000009")!).description)
        ) {
            try fixture.workflow.execute(
                .markReadyForPanel, on: CaseID(UUID(uuidString: "00000000-0000-4000-8000-000000000009")!),
                by: fixture.coordinator)
        }
    }

    @Test("A command retried with the same command id is recognised and writes nothing more")
    func retriedCommand() throws {
        var fixture = try AppFixture()
        let command = UUID()
        let notification = fixture.notification()
        let first = try fixture.workflow.notify(notification, by: fixture.coordinator, commandID: command)
        let position = try fixture.engine.sqliteStore!.lastPosition()
        let retry = try fixture.workflow.notify(notification, by: fixture.coordinator, commandID: command)
        #expect(retry.caseID == first.caseID)
        #expect(try fixture.engine.sqliteStore!.lastPosition() == position)
    }

    @Test("Every event records who acted, in what role, and the command that caused it")
    func metadataRecordsTheActor() throws {
        var fixture = try AppFixture()
        let command = UUID()
        let notified = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator, commandID: command)
        let recorded = try #require(try fixture.engine.store.readStream(notified.caseID.streamID).first)
        let metadata = try JSONDecoder().decode(EventMetadata.self, from: recorded.metadata)
        #expect(metadata.actor == "casey.coordinator" && metadata.role == "coordinator")
        #expect(metadata.commandId == command.uuidString.lowercased())
        #expect(recorded.recordedAt == fixture.clock.now())
        let timeline = try CaseTimeline.entries(of: notified.caseID, in: fixture.engine.sqliteStore!)
        #expect(timeline.map(\.who) == ["casey.coordinator"])
    }
}

@Suite("Duplicate notifications")
struct DuplicateNotificationTests {
    @Test(
        "A second notification of the same death is linked to the first case",
        arguments: [
            ("Alex", "Testchild", "9434765919"), ("ALEX", "  testchild ", nil), ("Alex", "Testchild", nil),
        ] as [(String, String, String?)])
    func secondNotificationIsLinked(forenames: String, surname: String, nhs: String?) throws {
        var fixture = try AppFixture()
        let first = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator)
        let second = try fixture.workflow.notify(
            fixture.notification(forenames: forenames, surname: surname, nhs: nhs ?? "9434765919"),
            by: fixture.coordinator)
        #expect(second.possibleDuplicateOf == first.caseID)
        let summary = try fixture.engine.sqliteStore!.read { db in try CaseQueries.summary(second.caseID, in: db) }
        #expect(summary?.possibleDuplicateOf == first.caseID.description)
    }

    @Test("Names are compared without regard to accents, case and spacing")
    func accentsAreFolded() throws {
        var fixture = try AppFixture()
        let first = try fixture.workflow.notify(
            fixture.notification(forenames: "Zoë", surname: "O'Brien", nhs: "9434765919"), by: fixture.coordinator)
        let second = try fixture.workflow.notify(
            fixture.notification(forenames: "zoe", surname: "OBRIEN", nhs: "4010232137"), by: fixture.coordinator)
        #expect(second.possibleDuplicateOf == first.caseID)
    }

    @Test("A different child is not linked")
    func differentChildIsNotLinked() throws {
        var fixture = try AppFixture()
        _ = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator)
        let other = try fixture.workflow.notify(
            fixture.notification(forenames: "Sam", surname: "Other", nhs: "4010232137"), by: fixture.coordinator)
        #expect(other.possibleDuplicateOf == nil)
    }

    @Test("Confirming a duplicate ends it and merges it into the primary in one transaction; it then counts once")
    func confirmingMerges() throws {
        var fixture = try AppFixture()
        let first = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator)
        let second = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator)
        try fixture.workflow.confirmDuplicate(second.caseID, of: first.caseID, by: fixture.coordinator)
        #expect(try fixture.workflow.caseState(second.caseID).stage == .duplicate(of: first.caseID))
        #expect(try fixture.workflow.caseState(first.caseID).mergedDuplicates == [second.caseID])
        let counted = try fixture.engine.sqliteStore!.read { db in
            try CaseQueries.list(in: db).filter(\.countsForPanel).count
        }
        #expect(counted == 1)
        // A third notification links to the primary, never to the merged duplicate.
        let third = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator)
        #expect(third.possibleDuplicateOf == first.caseID)
    }

    @Test("A refused merge leaves both cases untouched")
    func refusedMergeIsAtomic() throws {
        var fixture = try AppFixture()
        let first = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator)
        let second = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator)
        try fixture.workflow.confirmDuplicate(second.caseID, of: first.caseID, by: fixture.coordinator)
        let position = try fixture.engine.sqliteStore!.lastPosition()
        #expect(throws: CommandError.self) {
            try fixture.workflow.confirmDuplicate(second.caseID, of: first.caseID, by: fixture.coordinator)
        }
        #expect(try fixture.engine.sqliteStore!.lastPosition() == position)
    }

    @Test("Two processes notifying the same child at once cannot both miss each other")
    func simultaneousNotificationsAreLinked() async throws {
        var fixture = try AppFixture()
        var configuration = AppConfiguration()
        configuration.databasePath = fixture.folder.path("cdop.sqlite")
        let other = try Engine(configuration: configuration, clock: fixture.clock)
        let notification = fixture.notification()
        let engines = [fixture.engine, other]
        let results = try await withThrowingTaskGroup(of: CaseWorkflow.Notified.self) { group in
            for index in 0..<8 {
                let engine = engines[index % 2]
                group.addTask {
                    try engine.workflow.notify(notification, by: Actor(name: "n\(index)", role: "notifier"))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter { $0.possibleDuplicateOf == nil }.count == 1)
    }
}

@Suite("Duplicates notified with slips of the keyboard")
struct SimilarDuplicateTests {
    @Test(
        "The ambulance's notification without an NHS number and the hospital's with one and a surname spelt differently are linked"
    )
    func scenarioOneIsLinked() throws {
        var fixture = try AppFixture()
        var ambulance = fixture.notification(surname: "Testchild")
        ambulance.child.nhsNumber = .absent(.notCurrentlyAvailable)
        let first = try fixture.workflow.notify(ambulance, by: fixture.coordinator)
        let hospital = fixture.notification(surname: "Testchilde", nhs: "9434765919")
        let second = try fixture.workflow.notify(hospital, by: fixture.coordinator)
        #expect(second.possibleDuplicateOf == first.caseID)
    }

    @Test("Twins who died the same day, with different forenames, are not linked")
    func twinsAreNotLinked() throws {
        var fixture = try AppFixture()
        var one = fixture.notification(forenames: "Alex", surname: "Testchild")
        one.child.nhsNumber = .absent(.notCurrentlyAvailable)
        var two = fixture.notification(forenames: "Sam", surname: "Testchild")
        two.child.nhsNumber = .absent(.notCurrentlyAvailable)
        _ = try fixture.workflow.notify(one, by: fixture.coordinator)
        #expect(try fixture.workflow.notify(two, by: fixture.coordinator).possibleDuplicateOf == nil)
    }

    @Test("Alike names with two different NHS numbers are two children")
    func differentNHSNumbersAreNotLinked() throws {
        var fixture = try AppFixture()
        _ = try fixture.workflow.notify(
            fixture.notification(surname: "Testchild", nhs: "9434765919"), by: fixture.coordinator)
        let other = try fixture.workflow.notify(
            fixture.notification(surname: "Testchilde", nhs: "4010232137"), by: fixture.coordinator)
        #expect(other.possibleDuplicateOf == nil)
    }
}
