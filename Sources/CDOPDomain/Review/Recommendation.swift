/// A recommendation or action from the panel, with an owner and a due date, tracked until completed.
package struct Recommendation: Hashable, Sendable {
    package var id: ActionID
    package var text: String
    package var owner: String
    package var dueDate: CalendarDate
    package var completedOn: CalendarDate?
    package var completionNote: String?

    /// Whether it is still open.
    package var isOpen: Bool { completedOn == nil }
}
