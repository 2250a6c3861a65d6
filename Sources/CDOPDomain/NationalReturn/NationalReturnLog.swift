import Foundation

/// The record of a reporting year's annual national returns (stream `national-return-<year>`): each return the
/// panel produced, with the SHA-256 of its manifest, so that what was sent can be matched to its files later.
package enum NationalReturnLog {
    /// The stream of a reporting year's returns (the year starting 1 April).
    package static func streamID(year: Int) -> String { "national-return-\(year)" }
}

/// An annual national return was produced (and handed to the adapter that sends it).
package struct NationalReturnProduced: EventPayload {
    package static let typeName = "nationalReturn.produced.v1"
    /// The reporting year starting 1 April.
    package var year: Int
    /// Lower-case hex SHA-256 of the return's manifest.
    package var manifestHash: String
    package var casesIncluded: Int
    package var casesLeftOut: Int
    package var at: Date

    package var summary: String {
        "National return for \(ReportingYear.label(year)) produced: \(casesIncluded) "
            + "case\(casesIncluded == 1 ? "" : "s") included, \(casesLeftOut) left out (manifest "
            + "\(manifestHash.prefix(12)))"
    }
}

/// The facts of a reporting year's returns, and of the reminders before the return is due.
package enum NationalReturnLogEvent: DomainEvent {
    case produced(NationalReturnProduced)
    case reminderReached(NationalReturnReminderReached)
    case emailSent(NationalReturnEmailSent)
    case emailDeliveryFailed(NationalReturnEmailDeliveryFailed)

    package static let registry = EventRegistry<NationalReturnLogEvent>([
        .init(NationalReturnLogEvent.produced), .init(NationalReturnLogEvent.reminderReached),
        .init(NationalReturnLogEvent.emailSent), .init(NationalReturnLogEvent.emailDeliveryFailed),
    ])

    package var payload: any EventPayload {
        switch self {
        case .produced(let p): p
        case .reminderReached(let p): p
        case .emailSent(let p): p
        case .emailDeliveryFailed(let p): p
        }
    }
}

/// A reporting year's returns, oldest first, and its reminders with the emails they called for.
package struct NationalReturnLogState: Equatable, Sendable {
    package var returns: [NationalReturnProduced] = []
    package var reminders: [NationalReturnReminderReached] = []
    /// What became of each email, by its outbox id.
    package var emailOutcomes: [String: EmailDelivery] = [:]

    package init() {}

    /// The reminder steps acted on or passed: none of them is acted on again.
    package var recordedSteps: Set<String> {
        Set(reminders.flatMap { [$0.step] + $0.skippedSteps })
    }
}

/// A reminder step to record: the schedule and step, when it was planned, the steps passed unsent before it, and
/// the cases of the year not ready now.
package struct NationalReturnReminderRecord: Hashable, Sendable {
    package var year: Int
    package var schedule: ScheduleReference
    package var step: NationalReturnReminderSchedule.Step
    package var plannedAt: Date
    package var skipped: [String]
    package var casesNotReady: [NotReadyCaseLine]

    package init(
        year: Int, schedule: ScheduleReference, step: NationalReturnReminderSchedule.Step, plannedAt: Date,
        skipped: [String], casesNotReady: [NotReadyCaseLine]
    ) {
        self.year = year
        self.schedule = schedule
        self.step = step
        self.plannedAt = plannedAt
        self.skipped = skipped
        self.casesNotReady = casesNotReady
    }
}

/// What can be recorded of a year's returns and reminders.
package enum NationalReturnLogCommand: Sendable {
    case recordProduced(year: Int, manifestHash: String, casesIncluded: Int, casesLeftOut: Int)
    case recordReminder(NationalReturnReminderRecord)
    case recordEmailSent(EmailOutcome)
    case recordEmailFailed(EmailOutcome, reason: String)
}

/// The rules of the returns' record: a return names its year and its manifest's SHA-256; producing the very same
/// return again (the same manifest) records nothing new. A reminder step is recorded once a year, and an email's
/// outcome once.
package enum NationalReturnLogDecider: Decider {
    package static let initialState = NationalReturnLogState()

    package static func decide(
        _ command: NationalReturnLogCommand, state: NationalReturnLogState, context: DecisionContext
    ) throws(DomainError) -> [NationalReturnLogEvent] {
        switch command {
        case .recordProduced(let year, let hash, let included, let leftOut):
            try checkYear(year)
            guard hash.count == 64, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw DomainError(
                    code: "ncmd.manifestHashInvalid", "The manifest's SHA-256 must be 64 lower-case hex digits.")
            }
            guard included >= 0, leftOut >= 0 else {
                throw DomainError(code: "ncmd.countInvalid", "The counts of cases cannot be negative.")
            }
            if state.returns.contains(where: { $0.manifestHash == hash }) { return [] }
            return [
                .produced(
                    NationalReturnProduced(
                        year: year, manifestHash: hash, casesIncluded: included, casesLeftOut: leftOut,
                        at: context.now))
            ]
        case .recordReminder(let record):
            return try reminder(record, state: state, now: context.now)
        case .recordEmailSent(let o):
            guard state.emailOutcomes[o.outboxID] == nil else { return [] }
            return [
                .emailSent(
                    NationalReturnEmailSent(
                        outboxID: o.outboxID, messageID: o.messageID, template: o.template,
                        recipientRole: o.recipientRole, route: o.route, attempts: o.attempts, at: context.now))
            ]
        case .recordEmailFailed(let o, let reason):
            guard state.emailOutcomes[o.outboxID] == nil else { return [] }
            return [
                .emailDeliveryFailed(
                    NationalReturnEmailDeliveryFailed(
                        outboxID: o.outboxID, messageID: o.messageID, template: o.template,
                        recipientRole: o.recipientRole, reason: reason, attempts: o.attempts, at: context.now))
            ]
        }
    }

    private static func checkYear(_ year: Int) throws(DomainError) {
        guard ReportingYear.range.contains(year) else {
            throw DomainError(code: "ncmd.yearOutOfRange", "The reporting year \(year) is not a year cdop can report.")
        }
    }

    private static func reminder(
        _ record: NationalReturnReminderRecord, state: NationalReturnLogState, now: Date
    ) throws(DomainError) -> [NationalReturnLogEvent] {
        try checkYear(record.year)
        guard !state.recordedSteps.contains(record.step.name) else { return [] }
        guard !record.step.to.isEmpty else {
            throw DomainError(
                code: "ncmd.reminderUnaddressed", "A reminder before the national return needs someone to tell.")
        }
        guard !record.step.to.contains(.agencyContact) else {
            throw DomainError(
                code: "ncmd.reminderToAgency",
                "A reminder before the national return goes to the panel's own staff, not to an agency's contact.")
        }
        let deadline = ReportingYear.nationalReturnDeadline(record.year)!
        return [
            .reminderReached(
                NationalReturnReminderReached(
                    year: record.year, scheduleID: record.schedule.id, scheduleVersion: record.schedule.version,
                    step: record.step.name, plannedAt: record.plannedAt,
                    skippedSteps: record.skipped.filter { !state.recordedSteps.contains($0) }, deadline: deadline.iso,
                    template: record.step.template, recipients: record.step.to, casesNotReady: record.casesNotReady,
                    at: now))
        ]
    }

    package static func evolve(_ state: consuming NationalReturnLogState, _ event: NationalReturnLogEvent)
        -> NationalReturnLogState
    {
        switch event {
        case .produced(let produced): state.returns.append(produced)
        case .reminderReached(let reached): state.reminders.append(reached)
        case .emailSent(let e): state.emailOutcomes[e.outboxID] = .sent(at: e.at)
        case .emailDeliveryFailed(let e): state.emailOutcomes[e.outboxID] = .failed(reason: e.reason, at: e.at)
        }
        return state
    }
}
