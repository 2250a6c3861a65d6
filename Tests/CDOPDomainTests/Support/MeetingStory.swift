import Foundation

@testable import CDOPDomain

/// A rapid-response meeting at the usual points of its life, built by deciding real commands.
enum MeetingStory {
    static let start = Sample.now.addingTimeInterval(2 * 86_400)
    static let schedule = MeetingCommand.schedule(
        meetingID: Sample.jarMeeting, type: .rapidResponse, title: "Rapid response: case 0001", startsAt: start,
        endsAt: start.addingTimeInterval(3600),
        venue: MeetingVenue(place: "Room 4, Northshire Hospital", callLink: "https://meet.example.org/abc"),
        theme: nil)
    static let police = Invitee(name: "DS Robin Officer", email: "robin.officer@police.example.org", role: .police)
    static let paediatrician = Invitee(
        name: "Dr Ash Oncall", email: "ash.oncall@hospital.example.org", role: .paediatrician)

    static func scheduled() throws(DomainError) -> [MeetingEvent] {
        try history(
            MeetingDecider.self, [schedule, .invite(police), .invite(paediatrician), .addCaseToAgenda(Sample.caseID)])
    }

    static func held() throws(DomainError) -> [MeetingEvent] {
        try history(
            MeetingDecider.self,
            [.recordHeld(attendance: [AttendanceRecord(email: "ROBIN.officer@police.example.org", status: .attended)])],
            context: Sample.context(plusDays: 3), from: scheduled())
    }
}
