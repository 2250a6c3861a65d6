import CDOPDefinitions
import CDOPDomain
import CDOPPrimitives
import CDOPProjections
import CDOPStore
import Foundation

/// The scheduler's part for the reminders before the national return is due: at each tick, the latest step of the
/// year due by the coming 31 March whose time has come and that the year's stream does not hold yet is recorded
/// there, with the year's cases not ready at that moment; the outbox sends its emails. The command's id is named
/// by the year, schedule and step, so two schedulers, a repeated tick or a crash never act on a step twice.
struct NationalReturnReminderFiring {
    let workflow: CaseWorkflow
    let schedule: NationalReturnReminderSchedule
    let calendar: WorkingDayCalendar
    let forms: FormCatalog

    /// What the tick did for the reminders: nothing (none due), a step fired, or why it could not.
    enum Result {
        case fired(DeadlineScheduler.FiredTimer)
        case failed(DeadlineScheduler.FailedTimer)
    }

    func tick(now: Date) -> Result? {
        let due: NationalReturnReminderSchedule.Due
        var stream = "national-return"
        do {
            let current = ReportingYear.nationalReturnDue(on: LondonTime.day(of: now))
            stream = NationalReturnLog.streamID(year: current)
            let recorded = try workflow.load(NationalReturnLogDecider.self, stream).recordedSteps
            guard let found = try schedule.due(at: now, recorded: recorded, calendar: calendar) else { return nil }
            due = found
        } catch let error as CommandError {
            return .failed(failure(stream: stream, step: "-", code: error.code, message: error.description))
        } catch {
            return .failed(failure(stream: stream, step: "-", code: "schedule.outsideCalendar", message: "\(error)"))
        }
        let commandID = NameBasedUUID.make("national-return-reminder|\(due.year)|\(schedule.id)|\(due.step.step.name)")
        do {
            let cases = try workflow.casesNotReady(year: due.year, forms: forms)
            let record = NationalReturnReminderRecord(
                year: due.year, schedule: schedule.reference, step: due.step.step, plannedAt: due.step.at,
                skipped: due.skipped, casesNotReady: cases)
            let outcome = try workflow.handler.run(by: .system, commandID: commandID) { session throws(CommandError) in
                try session.decide(NationalReturnLogDecider.self, stream, .recordReminder(record))
            }
            var result = "alreadyFired"
            if !outcome.wasRepeat, case .reminderReached(let reached)? = outcome.value?.first {
                result = reached.tellsAnyone ? "acted" : "alreadyMet"
            }
            return .fired(
                DeadlineScheduler.FiredTimer(
                    timerId: commandID.lowercasedText, caseId: stream,
                    caseReference: "national return \(ReportingYear.label(due.year))", step: due.step.step.name,
                    action: "national-return-reminder", dueAt: due.step.at, outcome: result))
        } catch {
            return .failed(
                failure(
                    stream: stream, step: due.step.step.name, code: error.code, message: error.description,
                    timerID: commandID.lowercasedText, now: now))
        }
    }

    private func failure(
        stream: String, step: String, code: String, message: String, timerID: String? = nil, now: Date? = nil
    ) -> DeadlineScheduler.FailedTimer {
        var attempts = 0
        if let timerID, let now {
            attempts =
                (try? workflow.handler.store.writing { db in
                    try TimerAttempts.recordFailure(timerID: timerID, errorCode: code, now: now, in: db)
                }) ?? 0
        }
        return DeadlineScheduler.FailedTimer(
            timerId: timerID ?? "-", caseReference: stream, step: step, code: code, message: message,
            attempts: attempts)
    }
}
