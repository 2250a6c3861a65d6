import Foundation

/// A case of the year not ready for the national return, as a reminder names it: by its reference only (never the
/// child), with what it lacks.
package struct NotReadyCaseLine: Codable, Hashable, Sendable {
    package var caseReference: String
    package var reasons: [Reason]

    package struct Reason: Codable, Hashable, Sendable {
        /// A `NotReadyReason.Kind`'s raw value, e.g. "formNotFinalised".
        package var kind: String
        /// The reason in a coordinator's words.
        package var detail: String

        package init(kind: String, detail: String) {
            self.kind = kind
            self.detail = detail
        }
    }

    package init(caseReference: String, reasons: [Reason]) {
        self.caseReference = caseReference
        self.reasons = reasons
    }
}

/// A step of the reminders before the national return is due was reached: the cases not ready then, and the
/// people told (nobody when every case was ready). Earlier steps whose time passed while cdop was not running
/// are recorded as skipped here, never sent late.
package struct NationalReturnReminderReached: EventPayload {
    package static let typeName = "nationalReturn.reminderReached.v1"
    package var year: Int
    package var scheduleID: String
    package var scheduleVersion: Int
    package var step: String
    package var plannedAt: Date
    package var skippedSteps: [String]
    /// The day the return is due, ISO 8601.
    package var deadline: String
    package var template: String
    package var recipients: [ScheduleRecipient]
    package var casesNotReady: [NotReadyCaseLine]
    package var at: Date

    /// Whether the reminder calls for an email: some case was not ready.
    package var tellsAnyone: Bool { !casesNotReady.isEmpty }

    package var summary: String {
        let cases = casesNotReady.count
        return "Reminder \"\(step)\" before the national return for \(ReportingYear.label(year)) is due: "
            + (tellsAnyone
                ? "\(cases) case\(cases == 1 ? "" : "s") not ready, "
                    + recipients.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") }.joined(separator: ", ")
                    + " told"
                : "every case ready, nobody told")
            + (skippedSteps.isEmpty ? "" : " (passed unsent: \(skippedSteps.joined(separator: ", ")))")
    }
}

/// A reminder before the national return is due was accepted by the mail server.
package struct NationalReturnEmailSent: EventPayload {
    package static let typeName = "nationalReturn.emailSent.v1"
    package var outboxID: String
    package var messageID: String
    package var template: String
    package var recipientRole: String
    package var route: String
    package var attempts: Int
    package var at: Date

    package var summary: String { "Email \"\(template)\" sent to the \(recipientRole) (\(route))" }
}

/// A reminder before the national return is due could not be delivered.
package struct NationalReturnEmailDeliveryFailed: EventPayload {
    package static let typeName = "nationalReturn.emailDeliveryFailed.v1"
    package var outboxID: String
    package var messageID: String
    package var template: String
    package var recipientRole: String
    package var reason: String
    package var attempts: Int
    package var at: Date

    package var summary: String { "Email \"\(template)\" to the \(recipientRole) could not be delivered: \(reason)" }
}
