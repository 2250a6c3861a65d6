import CDOPApp
import CDOPDomain
import Foundation

/// The panel's own meetings: scheduled thirteen weeks ahead with the standing members invited, held on the day
/// (attendance recorded), minuted the next morning, with an action agreed.
extension DemoHistory {
    /// Schedules panel meeting `key` on `ago` (negative: still to come) from 13:00 to 16:00.
    func panelMeeting(_ key: String, ago: Int, title: String, theme: String? = nil, guests: [Invitee] = []) {
        let starts = instant(ago, 13)
        at(min(ago + 91, Self.days), 9, 15) { () throws(CommandError) in
            let id = MeetingID(self.newID())
            self.meetings[key] = id
            try self.workflow.execute(
                .schedule(
                    meetingID: id, type: .panel, title: title, startsAt: starts,
                    endsAt: starts.addingTimeInterval(3 * 3600),
                    venue: MeetingVenue(
                        place: "Committee Room 2, Central Vale Civic Centre",
                        callLink: "https://meet.example.org/cdop-panel"),
                    theme: theme),
                on: id, by: DemoDirectory.coordinator)
            for invitee in DemoDirectory.panelMembers + guests {
                try self.workflow.execute(.invite(invitee), on: id, by: DemoDirectory.coordinator)
            }
        }
        at(ago, 16, 5) { () throws(CommandError) in
            let attendance = (DemoDirectory.panelMembers + guests).enumerated().map { index, invitee in
                AttendanceRecord(email: invitee.email, status: index == 3 ? .sentApologies : .attended)
            }
            try self.workflow.execute(
                .recordHeld(attendance: attendance), on: self.meetingID(key), by: DemoDirectory.coordinator)
        }
        at(ago - 1, 10) { () throws(CommandError) in
            let meeting = self.meetingID(key)
            try self.workflow.execute(
                .recordMinutes(
                    text: "Minutes of \(title): cases reviewed as listed on the agenda; themes discussed; "
                        + "actions agreed. (Synthetic demo data.)"),
                on: meeting, by: DemoDirectory.coordinator)
            try self.workflow.execute(
                .agreeAction(
                    actionID: ActionID(self.newID()),
                    description: "Share the panel's learning themes with the safeguarding partnership",
                    owner: "Morgan Chair", dueDate: self.day(ago - 43), caseID: nil),
                on: meeting, by: DemoDirectory.coordinator)
        }
    }
}
