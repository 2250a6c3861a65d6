import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// Sixty days of chasing: 50 cases, 200 Form B requests, random returns, a scheduler ticking every six hours
/// (each tick run twice), on a real SQLite file.
@Suite("Sixty days of chasing Form B returns")
struct ChasingSimulationTests {
    struct Request {
        var caseID: CaseID
        var id: FormRequestID
        var requestedAt: Date
        var resolveAt: Date?
        var resolution: String
    }

    @Test(
        "Each request gets exactly the reminders its schedule says, in order, none after its return, and ticking twice changes nothing",
        arguments: StorageEngine.selected)
    func sixtyDays(storage: StorageEngine) throws {
        let folder = TemporaryDirectory("cdop-chasing")
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        try storage.prepare(&configuration)
        let start = ISO8601DateFormatter().date(from: "2026-12-10T00:00:00Z")!
        let clock = TestClock(start)
        var options = EventStoreOptions()
        options.durability = .processCrash
        let engine = try Engine(
            configuration: configuration, clock: clock, storeOptions: options, schedules: TestSchedules.catalog)
        let workflow = engine.workflow
        var random = SeededRandom(seed: 60)
        let coordinator = Actor(name: "coordinator", role: "coordinator")
        let agencies = try SyntheticPanel.agencies.prefix(4).map { entry in
            let id = AgencyID(UUID())
            try workflow.execute(
                .register(
                    agencyID: id, name: entry.name, kind: entry.kind,
                    contacts: [AgencyContact(name: "Lead", email: SyntheticPanel.email(of: entry.name), isLead: true)]),
                on: id, by: coordinator)
            return (id: id, name: entry.name, kind: entry.kind)
        }

        // Case actions, each at an hour; ticks every six hours.
        var actions: [(at: Date, run: () throws -> Void)] = []
        var requests: [Request] = []
        var caseIDs: [CaseID] = []
        for index in 0..<50 {
            let notifiedAt = start.addingTimeInterval(Double(index % 14) * 86_400 + 3600 * Double(8 + index % 8) + 1800)
            let caseIndex = index
            actions.append(
                (
                    notifiedAt,
                    {
                        let notification = SyntheticPanel.notification(
                            using: &random, died: LondonTime.day(of: notifiedAt).adding(days: -1),
                            notified: LondonTime.day(of: notifiedAt),
                            ageDays: 200, area: "NTH", expectation: caseIndex % 5 == 0 ? .unexpected : .expected)
                        let caseID = try workflow.notify(notification, by: Actor(name: "notifier", role: "notifier"))
                            .caseID
                        caseIDs.append(caseID)
                        try workflow.execute(
                            .triage(
                                expectation: caseIndex % 5 == 0 ? .unexpected : .expected, confirmedBy: "Dr Designate",
                                triggers: caseIndex % 5 == 0 ? [.suddenNoApparentCause] : []), on: caseID,
                            by: coordinator)
                        for agency in agencies {
                            try workflow.execute(
                                .recordAgencyInvolved(
                                    AgencyInvolvement(
                                        agencyID: agency.id, agencyName: agency.name, kind: agency.kind,
                                        contactEmail: SyntheticPanel.email(of: agency.name))), on: caseID,
                                by: coordinator)
                            let requestID = FormRequestID(UUID())
                            try workflow.execute(
                                .requestForm(
                                    requestID: requestID, agencyID: agency.id, formType: .reporting,
                                    contactEmail: SyntheticPanel.email(of: agency.name),
                                    dueDate: LondonTime.day(of: clock.now()).adding(days: 14), schedule: nil),
                                on: caseID, by: coordinator)
                            let roll = Double.random(in: 0..<1, using: &random)
                            let resolveAt: Date? =
                                roll < 0.8
                                ? clock.now().addingTimeInterval(
                                    Double(Int.random(in: 1...40, using: &random)) * 86_400 + Double(
                                        Int.random(in: 0...23, using: &random)) * 3600 + 1800) : nil
                            let resolution =
                                roll < 0.65 ? "return" : roll < 0.72 ? "decline" : roll < 0.8 ? "withdraw" : "none"
                            requests.append(
                                Request(
                                    caseID: caseID, id: requestID, requestedAt: clock.now(), resolveAt: resolveAt,
                                    resolution: resolution))
                            if let resolveAt {
                                actions.append(
                                    (
                                        resolveAt,
                                        {
                                            switch resolution {
                                            case "return":
                                                try workflow.execute(
                                                    .recordFormReturned(
                                                        requestID: requestID,
                                                        definition: FormDefinitionReference(
                                                            id: "reporting", version: 1), answers: [:],
                                                        submittedBy: "GP"), on: caseID, by: coordinator)
                                            case "decline":
                                                try workflow.execute(
                                                    .recordNoInformationHeld(requestID: requestID, declaredBy: "GP"),
                                                    on: caseID, by: coordinator)
                                            default:
                                                try workflow.execute(
                                                    .withdrawFormRequest(
                                                        requestID: requestID, reason: "Wrong practice"), on: caseID,
                                                    by: coordinator)
                                            }
                                        }
                                    ))
                            }
                        }
                    }
                ))
        }

        let end = start.addingTimeInterval(60 * 86_400)
        var tickTimes: [Date] = []
        var hour = start
        var repeatedFirings = 0
        while hour <= end {
            clock.set(hour)
            // Actions added while running (returns planned at notification) join the queue.
            var index = 0
            while index < actions.count {
                if actions[index].at <= hour && actions[index].at > hour.addingTimeInterval(-3600) {
                    clock.set(actions[index].at)
                    try actions[index].run()
                    clock.set(hour)
                }
                index += 1
            }
            if Int(hour.timeIntervalSince(start)) % (6 * 3600) == 0 {
                let report = engine.scheduler.tick()
                #expect(report.failed.isEmpty, "failures: \(report.failed.map(\.message))")
                let again = engine.scheduler.tick()
                repeatedFirings += again.fired.count
                tickTimes.append(hour)
            }
            hour = hour.addingTimeInterval(3600)
        }
        #expect(repeatedFirings == 0, "running the same tick twice fired something")
        #expect(requests.count == 200)

        // Each request: the steps whose first tick fell before its resolution fired once each, in order; no others.
        let steps = try TestSchedules.formB.steps.sorted { $0.after.amount < $1.after.amount }
        var checkedReminders = 0
        for request in requests {
            let events = try engine.store.readStream(request.caseID.streamID)
            let reached: [(step: String, at: Date)] = try events.compactMap { recorded in
                guard case .scheduleStepReached(let e) = try recorded.decoded(as: CaseEvent.self),
                    e.target == .formRequest(request.id)
                else { return nil }
                return (e.step, e.at)
            }
            let planned = try TestSchedules.formB.plan(
                startingAt: request.requestedAt, calendar: TestSchedules.calendar)
            let expected = planned.filter { step in
                guard let tick = tickTimes.first(where: { $0 >= step.dueAt }) else { return false }
                return request.resolveAt.map { tick < $0 } ?? true
            }
            #expect(
                Set(reached.map(\.step)) == Set(expected.map(\.name)),
                "request \(request.id): \(reached.map(\.step)) vs \(expected.map(\.name))")
            #expect(reached.count == Set(reached.map(\.step)).count, "a step fired twice")
            #expect(reached.map(\.at) == reached.map(\.at).sorted())
            if let resolveAt = request.resolveAt {
                #expect(reached.allSatisfy { $0.at < resolveAt }, "a reminder after the return")
            }
            let reminders = try events.compactMap { recorded -> Int? in
                guard case .formReminderIssued(let e) = try recorded.decoded(as: CaseEvent.self),
                    e.requestID == request.id
                else { return nil }
                return e.step
            }
            #expect(reminders == reminders.sorted() && Set(reminders).count == reminders.count)
            checkedReminders += reminders.count
            _ = steps
        }
        #expect(checkedReminders > 50, "the simulation exercised too few reminders to mean anything")

        // Every stop cancels: a resolved request has no pending timer.
        let pendingForResolved = try engine.store.snapshot { db in
            try db.value(
                Int.self,
                """
                SELECT COUNT(*) FROM timers t JOIN form_requests r ON t.target = 'form-request:' || r.request_id
                WHERE r.outstanding = 0 AND t.state IN ('pending', 'paused')
                """) ?? -1
        }
        #expect(pendingForResolved == 0)
    }

    @Test(
        "A working-day schedule skips weekends and bank holidays: Christmas and Easter Monday",
        arguments: StorageEngine.selected)
    func workingDaysSkipHolidays(storage: StorageEngine) throws {
        let folder = TemporaryDirectory("cdop-working-days")
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        try storage.prepare(&configuration)
        var options = EventStoreOptions()
        options.durability = .processCrash
        for (openedAt, reminder, target) in [
            // Wednesday 23 Dec 2026: +1 working day Thu 24 Dec; +3 skips Christmas, the weekend and Boxing Day (28th).
            ("2026-12-23T15:00:00Z", "2026-12-24T09:00:00Z", "2026-12-30T09:00:00Z"),
            // Thursday 25 Mar 2027: +1 skips Good Friday, the weekend and Easter Monday: Tue 30 Mar (BST: 08:00 UTC).
            ("2027-03-25T15:00:00Z", "2027-03-30T08:00:00Z", "2027-04-01T08:00:00Z"),
        ] {
            let clock = TestClock(iso: openedAt)
            let engine = try Engine(
                configuration: configuration, clock: clock, storeOptions: options, schedules: TestSchedules.catalog)
            var random = SeededRandom(seed: 1)
            let day = LondonTime.day(of: clock.now())
            let caseID = try engine.workflow.notify(
                SyntheticPanel.notification(
                    using: &random, died: day, notified: day, ageDays: 90, area: "NTH", expectation: .unexpected),
                by: Actor(name: "n", role: "notifier")
            ).caseID
            try engine.workflow.execute(
                .triage(expectation: .unexpected, confirmedBy: "Dr D", triggers: [.suddenNoApparentCause]), on: caseID,
                by: Actor(name: "d", role: "designatedDoctor"))
            let timers = try engine.store.snapshot { db in try TimerQueries.all(caseID: caseID, in: db) }.filter {
                $0.scheduleID == "rapid-response"
            }
            let formatter = ISO8601DateFormatter()
            #expect(timers.map { $0.dueAt.map(formatter.string(from:)) ?? "" } == [reminder, target])
        }
    }
}
