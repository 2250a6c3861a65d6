import Foundation

/// The designated doctor's triage of the death.
package struct TriageRecord: Hashable, Sendable {
    package var expectation: Expectation
    package var confirmedBy: String
    package var triggers: [JARTrigger]
    package var at: Date
}

/// A Joint Agency Response and its meetings.
package struct RapidResponseRecord: Hashable, Sendable {
    package var openedAt: Date
    package var unexpected: Bool
    package var triggers: [JARTrigger]
    /// Meetings convened, in order, with their planned start.
    package var meetings: [MeetingID] = []
    package var scheduledFor: [MeetingID: Date] = [:]
    /// Meetings that took place, with when.
    package var held: [MeetingID: Date] = [:]
    package var completedAt: Date?

    /// Whether the response is still under way.
    package var isActive: Bool { completedAt == nil }
    /// When the first rapid-response meeting was held (for "how soon" in the annual report).
    package var firstMeetingHeldAt: Date? { held.values.min() }
}

/// A hand-over to another panel.
package struct TransferRecord: Hashable, Sendable {
    package var toPanel: String
    package var reason: String
    package var at: Date
}

/// The child death review meeting.
package struct ReviewMeetingRecord: Hashable, Sendable {
    package var meetingID: MeetingID?
    package var heldOn: CalendarDate
    package var draftAnalysis: String
}

/// A referral for a child safeguarding practice review.
package struct SafeguardingReferral: Hashable, Sendable {
    package var reason: String
    package var referredOn: CalendarDate
}

/// A submission to the National Child Mortality Database.
package struct NCMDSubmission: Hashable, Sendable {
    package var reference: String
    package var submittedOn: CalendarDate
}

/// A reopening of a closed case.
package struct Reopening: Hashable, Sendable {
    package var reason: String
    package var at: Date
}
