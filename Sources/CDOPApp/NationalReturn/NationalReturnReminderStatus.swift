import CDOPDomain
import Foundation

/// Where each reminder of a year stands, for the national return page: planned, reached (naming how many cases,
/// to whom, and whether each email went), reached with nobody told (every case was ready), or passed unsent.
package struct NationalReturnReminderStatus: Sendable, Equatable {
    package enum State: Sendable, Equatable {
        case planned
        /// Each person told, and what became of their email (nil: waiting in the outbox).
        case told(at: Date, cases: Int, to: [Recipient])
        case everyCaseReady(at: Date)
        case passedUnsent
    }

    package struct Recipient: Sendable, Equatable {
        package var role: ScheduleRecipient
        package var delivery: EmailDelivery?
    }

    package var step: String
    package var plannedAt: Date
    package var state: State

    /// The year's reminders in the order they fall: the declared steps with what the year's stream recorded of
    /// them, and any recorded step the declaration no longer has.
    package static func of(
        year: Int, schedule: NationalReturnReminderSchedule?, log: NationalReturnLogState, calendar: WorkingDayCalendar
    ) -> [NationalReturnReminderStatus] {
        var rows: [NationalReturnReminderStatus] = []
        var seen: Set<String> = []
        let planned = (try? schedule?.plan(year: year, calendar: calendar)) ?? []
        for reminder in log.reminders {
            seen.insert(reminder.step)
            let state: State =
                reminder.tellsAnyone
                ? .told(
                    at: reminder.at, cases: reminder.casesNotReady.count,
                    to: reminder.recipients.map { role in
                        Recipient(
                            role: role,
                            delivery: log.emailOutcomes[
                                NationalReturnLogState.outboxID(step: reminder.step, role: role)])
                    })
                : .everyCaseReady(at: reminder.at)
            rows.append(NationalReturnReminderStatus(step: reminder.step, plannedAt: reminder.plannedAt, state: state))
            for skipped in reminder.skippedSteps where !seen.contains(skipped) {
                seen.insert(skipped)
                let at = planned.first { $0.step.name == skipped }?.at ?? reminder.plannedAt
                rows.append(NationalReturnReminderStatus(step: skipped, plannedAt: at, state: .passedUnsent))
            }
        }
        for step in planned where !seen.contains(step.step.name) {
            rows.append(NationalReturnReminderStatus(step: step.step.name, plannedAt: step.at, state: .planned))
        }
        return rows.sorted { ($0.plannedAt, $0.step) < ($1.plannedAt, $1.step) }
    }
}
