import Foundation

extension NationalReturnLogState {
    /// The emails the year's reminders call for: one to each person a reminder names, for every reminder that
    /// found a case not ready. A reminder stays due once reached, even when the cases are made ready meanwhile:
    /// it says what was missing when it fell.
    package var outboxEmails: [OutboxEmail] {
        reminders.filter(\.tellsAnyone).flatMap { reminder in
            reminder.recipients.map { role in
                let id = Self.outboxID(step: reminder.step, role: role)
                let state: OutboxState =
                    switch emailOutcomes[id] {
                    case .sent?: .sent
                    case .failed?: .failed
                    case nil: .pending
                    }
                return OutboxEmail(
                    id: id, template: reminder.template, recipient: .role(role), requestID: nil, reminderNumber: nil,
                    createdAt: reminder.at, state: state)
            }
        }
    }

    /// The outbox id of a reminder's email to one role, e.g. "reminder:one-month-before:coordinator".
    package static func outboxID(step: String, role: ScheduleRecipient) -> String {
        "reminder:\(step):\(role.rawValue)"
    }

    /// The reminder an email of the outbox belongs to.
    package func reminder(ofEmail outboxID: String) -> NationalReturnReminderReached? {
        reminders.first { reminder in
            reminder.recipients.contains { Self.outboxID(step: reminder.step, role: $0) == outboxID }
        }
    }
}
