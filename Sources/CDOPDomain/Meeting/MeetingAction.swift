/// An action agreed at a meeting, with an owner and a due date, tracked until done.
package struct MeetingAction: Hashable, Sendable {
    package var id: ActionID
    package var description: String
    package var owner: String
    package var dueDate: CalendarDate
    package var caseID: CaseID?
    package var completedOn: CalendarDate?

    /// Whether it is still open.
    package var isOpen: Bool { completedOn == nil }
}
