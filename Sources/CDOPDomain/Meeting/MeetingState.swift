import Foundation

/// What the rules know about one meeting, folded from its events.
package struct MeetingState: Hashable, Sendable {
    package var meetingID: MeetingID?
    package var type: MeetingType?
    package var title = ""
    package var startsAt: Date?
    package var endsAt: Date?
    package var venue: MeetingVenue?
    package var theme: String?
    /// Raised by each reschedule and by cancellation, as calendar invitations require.
    package var sequence = 0
    /// When each sequence was issued (scheduled, each move): when its invitations were called for.
    package var sequenceIssuedAt: [Int: Date] = [:]
    /// When the meeting was to start as of each sequence (scheduled or moved), so an update can say where it moved from.
    package var startsAtBySequence: [Int: Date] = [:]
    package var invitees: [Invitee] = []
    /// Those whose invitation was taken back (and not renewed), with when: they get a cancellation.
    package var withdrawn: [Invitee] = []
    package var withdrawnAt: [String: Date] = [:]
    package var agenda: [CaseID] = []
    package var cancelledAt: Date?
    package var cancellationReason: String?
    package var heldAt: Date?
    package var attendance: [AttendanceRecord] = []
    package var minutes: String?
    package var minutesRevision = 0
    package var actions: [MeetingAction] = []
    /// Outcomes of the meeting's outbox emails, by outbox id.
    package var emailOutcomes: [String: EmailDelivery] = [:]

    package init() {}

    /// Whether the meeting was scheduled.
    package var exists: Bool { meetingID != nil }
    package var isCancelled: Bool { cancelledAt != nil }
    package var isHeld: Bool { heldAt != nil }

    /// The invitee with this email (compared without case).
    package func invitee(email: String) -> Invitee? {
        invitees.first { $0.email.lowercased() == email.lowercased() }
    }
}
