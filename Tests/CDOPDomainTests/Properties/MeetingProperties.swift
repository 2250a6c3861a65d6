import Foundation
import PropertyBased
import Testing

@testable import CDOPDomain

@Suite("Properties of meetings")
struct MeetingProperties {
    /// Runs a meeting through commands picked by the choices; returns each accepted step's state before and events.
    static func run(_ choices: [Int]) -> [(before: MeetingState, events: [MeetingEvent])] {
        let start = Sample.now.addingTimeInterval(86_400)
        var state = MeetingDecider.initialState
        var steps: [(MeetingState, [MeetingEvent])] = []
        for (index, c) in choices.enumerated() {
            let context = Sample.context(plusDays: index / 5)
            let email = "person\(c % 4)@example.org"
            let menu: [MeetingCommand] = [
                .schedule(
                    meetingID: Sample.panelMeeting, type: .panel, title: "Panel", startsAt: start,
                    endsAt: start.addingTimeInterval(7200), venue: MeetingVenue(place: "Room 1"),
                    theme: c % 2 == 0 ? "neonatal" : nil),
                .invite(
                    Invitee(
                        name: "Person \(c % 4)", email: email,
                        role: InviteeRole.allCases[c % InviteeRole.allCases.count])),
                .withdrawInvitation(email: email),
                .addCaseToAgenda(Sample.id(c % 3 + 1)), .removeCaseFromAgenda(Sample.id(c % 3 + 1)),
                .reschedule(
                    startsAt: start.addingTimeInterval(Double(c % 3) * 3600),
                    endsAt: start.addingTimeInterval(Double(c % 3) * 3600 + 7200),
                    venue: MeetingVenue(place: "Room \(c % 2)")),
                .cancel(reason: c % 9 == 0 ? "not needed" : ""),
                .recordHeld(attendance: [AttendanceRecord(email: email, status: .attended)]),
                .recordMinutes(text: "Minutes \(c % 3)"),
                .agreeAction(
                    actionID: Sample.id(500 + index), description: "Act", owner: "Owner",
                    dueDate: Sample.day(2026, 7, 1), caseID: nil),
                .completeAction(actionID: Sample.id(500 + c % max(index, 1)), completedOn: context.today, note: ""),
            ]
            let command = menu[c % menu.count]
            if let events = try? MeetingDecider.decide(command, state: state, context: context) {
                steps.append((state, events))
                state = MeetingDecider.fold(events, from: state)
            }
        }
        return steps
    }

    @Test(
        "Sequence numbers only rise, and nothing changes a meeting after it is held or cancelled except minutes and actions"
    )
    func sequenceAndTerminals() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...9_999).array(of: 1...60)) { choices in
            for (before, events) in Self.run(choices) {
                var state = before
                for event in events {
                    switch event {
                    case .rescheduled(let e): #expect(e.sequence == state.sequence + 1)
                    case .cancelled(let e): #expect(e.sequence == state.sequence + 1)
                    default: break
                    }
                    if state.isCancelled { Issue.record("\(event.typeName) after cancellation") }
                    if state.isHeld {
                        switch event {
                        case .minutesRecorded, .actionAgreed, .actionCompleted: break
                        default: Issue.record("\(event.typeName) after the meeting was held")
                        }
                    }
                    state = MeetingDecider.evolve(state, event)
                }
            }
        }
    }

    @Test("Meeting folds are deterministic and survive storage")
    func foldAndCodec() async throws {
        await propertyCheck(count: 200, input: Gen.int(in: 0...9_999).array(of: 1...60)) { choices in
            let events = Self.run(choices).flatMap(\.events)
            let decoded = try events.map { try EventCodec.decode(EventCodec.encode($0), as: MeetingEvent.self) }
            #expect(decoded == events)
            let half = events.count / 2
            #expect(
                MeetingDecider.fold(events[half...], from: MeetingDecider.fold(events[..<half]))
                    == MeetingDecider.fold(events))
        }
    }
}
