import Foundation

/// The designated doctor confirmed whether the death was expected and which response triggers apply.
package struct DeathTriaged: EventPayload {
    package static let typeName = "case.deathTriaged.v1"
    package var expectation: Expectation
    /// The designated doctor who confirmed it.
    package var confirmedBy: String
    package var triggers: [JARTrigger]
    package var at: Date

    package var summary: String {
        let triggerText =
            triggers.isEmpty ? "no Joint Agency Response trigger" : triggers.map(\.label).joined(separator: "; ")
        return "Death confirmed \(expectation.label) by \(confirmedBy): \(triggerText)"
    }
}

/// A Joint Agency Response (rapid response) was opened because the death was unexpected or met a trigger.
package struct RapidResponseOpened: EventPayload {
    package static let typeName = "case.rapidResponseOpened.v1"
    package var unexpected: Bool
    package var triggers: [JARTrigger]
    package var at: Date

    package var summary: String { "Joint Agency Response opened" }
}

/// The designated doctor convened a rapid-response meeting (its details live in the meeting's stream).
package struct RapidResponseConvened: EventPayload {
    package static let typeName = "case.rapidResponseConvened.v1"
    package var meetingID: MeetingID
    package var scheduledFor: Date
    package var at: Date

    package var summary: String { "Rapid-response meeting convened for \(DayFormatter.dayAndTime(scheduledFor))" }
}

/// The rapid-response (JAR) meeting took place.
package struct RapidResponseMeetingHeld: EventPayload {
    package static let typeName = "case.rapidResponseMeetingHeld.v1"
    package var meetingID: MeetingID
    package var heldAt: Date
    package var at: Date

    package var summary: String { "Rapid-response meeting held on \(DayFormatter.dayAndTime(heldAt))" }
}

/// The Joint Agency Response finished; the case moves on to information gathering.
package struct RapidResponseCompleted: EventPayload {
    package static let typeName = "case.rapidResponseCompleted.v1"
    package var note: String
    package var at: Date

    package var summary: String { "Joint Agency Response completed" + (note.isEmpty ? "" : ": \(note)") }
}
