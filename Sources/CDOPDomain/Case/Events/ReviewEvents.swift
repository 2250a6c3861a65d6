import Foundation

/// The review now waits on an external process; the timeliness clock pauses from `from`.
package struct ReviewPaused: EventPayload {
    package static let typeName = "case.reviewPaused.v1"
    package var process: ExternalProcess
    package var reason: String
    package var from: CalendarDate
    package var at: Date

    package var summary: String { "Awaiting \(process.label) since \(DayFormatter.long(from)): \(reason)" }
}

/// The external process concluded; the clock runs again from `on`.
package struct ReviewResumed: EventPayload {
    package static let typeName = "case.reviewResumed.v1"
    package var process: ExternalProcess
    package var on: CalendarDate
    package var at: Date

    package var summary: String { "No longer awaiting \(process.label) (from \(DayFormatter.long(on)))" }
}

/// The child death review meeting was held and produced a draft analysis for the panel.
package struct ReviewMeetingHeld: EventPayload {
    package static let typeName = "case.reviewMeetingHeld.v1"
    package var meetingID: MeetingID?
    package var heldOn: CalendarDate
    package var draftAnalysis: String
    package var at: Date

    package var summary: String { "Child death review meeting held on \(DayFormatter.long(heldOn))" }
}

/// The coordinator marked the case ready for the panel.
package struct MarkedReadyForPanel: EventPayload {
    package static let typeName = "case.markedReadyForPanel.v1"
    package var at: Date

    package var summary: String { "Ready for panel review" }
}

/// The case was put on a panel meeting's agenda.
package struct AssignedToPanelMeeting: EventPayload {
    package static let typeName = "case.assignedToPanelMeeting.v1"
    package var meetingID: MeetingID
    package var meetingDate: CalendarDate
    package var at: Date

    package var summary: String { "Listed for the panel meeting on \(DayFormatter.long(meetingDate))" }
}
