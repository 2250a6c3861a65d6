/// The tone of a chasing reminder for a form request.
package enum ReminderKind: String, Hashable, Sendable, Codable, CaseIterable {
    case reminder
    case finalReminder

    /// The word a coordinator reads.
    package var label: String {
        switch self {
        case .reminder: "Reminder"
        case .finalReminder: "Final reminder"
        }
    }
}
