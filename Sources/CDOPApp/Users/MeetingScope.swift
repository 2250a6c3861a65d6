import CDOPDomain

/// What of a meeting a member of staff may see. A meeting belongs to the areas of the cases on its agenda: a
/// user limited to some areas sees a meeting when one of its cases lies in them (or when it has no case yet),
/// sees only those cases on its agenda, and sees and changes the rest of it (invitees, attendance, minutes,
/// actions, its time) only when every case on it lies in their areas.
package struct MeetingScope: Sendable, Equatable {
    /// The agenda's cases the user may see, in agenda order.
    package let visibleAgenda: [CaseID]
    /// Whether every case on the agenda lies in the user's areas (true for a meeting with no case yet).
    package let coversWholeMeeting: Bool

    /// - Parameter areas: the area of each case on the agenda (nil: outside the panel's areas).
    package init(user: AuthenticatedUser, agenda: [CaseID], areas: [CaseID: String?]) {
        visibleAgenda = agenda.filter { user.mayView(areaCode: areas[$0] ?? nil) }
        coversWholeMeeting = visibleAgenda.count == agenda.count
    }

    /// Whether the user may know the meeting exists.
    package var isVisible: Bool { coversWholeMeeting || !visibleAgenda.isEmpty }

    /// The meeting as the user may see it: only their cases on the agenda and, unless they cover the whole
    /// meeting, none of its invitees, attendance or minutes, and only the actions about their cases.
    package func restrict(_ state: MeetingState) -> MeetingState {
        guard !coversWholeMeeting else { return state }
        var seen = state
        seen.agenda = visibleAgenda
        seen.invitees = []
        seen.attendance = []
        seen.minutes = nil
        seen.actions = state.actions.filter { action in action.caseID.map(visibleAgenda.contains) ?? false }
        return seen
    }
}
