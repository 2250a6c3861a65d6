import CDOPMail
import Foundation

extension Fixtures {
    static func london(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        do {
            return try EuropeLondon.instant(
                atLocal: CivilDateTime(year: year, month: month, day: day, hour: hour, minute: minute))
        } catch { fatalError("\(error)") }
    }

    /// A rapid-response meeting on Friday 23 October 2026, 14:00-15:30 London time (BST).
    static func rapidResponseMeeting(sequence: Int = 0) -> MeetingInvitation {
        MeetingInvitation(
            uid: "meeting-5d1f8a2e-2c44-4c1b-9a57-0f3e5b6c7d81@cdop.example.org",
            sequence: sequence,
            organizer: address("designated.doctor@cdop.example.org", "Dr Amara Okafor"),
            attendees: [
                .init(address("designated.doctor@cdop.example.org", "Dr Amara Okafor"), role: .chair),
                .init(lukasz, role: .required),
                .init(siobhan, role: .required),
                .init(zoe, role: .optional),
                .init(address("hv.team@health.example.nhs.uk", "Health visiting; team, \"north\""), role: .optional),
            ],
            start: london(2026, 10, 23, 14), end: london(2026, 10, 23, 15, 30),
            stamp: Date(timeIntervalSince1970: 1_792_400_000),
            summary: "Rapid response meeting: CDOP-2026-0147",
            description: "Agenda:\n1. Circumstances; 2. Next steps, actions\nBring notes \\ records.",
            location: "Room 2.14, Children's Centre, 1 High Street",
            callLink: "https://meet.example.org/j/123-456-789?pwd=abc")
    }
}
