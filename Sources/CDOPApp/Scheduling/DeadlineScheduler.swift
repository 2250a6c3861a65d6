import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import GRDB

/// Turns due timers into commands. Each timer fires as one command whose id is the timer's own id, so a second
/// tick, two schedulers at once, or a crash half-way through a tick never acts on a step twice: the store
/// recognises the command, and the case's events mark the timer done in the same transaction.
package struct DeadlineScheduler: Sendable {
    package let workflow: CaseWorkflow
    /// How many due timers one query fetches.
    package var batchSize = 500
    /// At most this many timers fire in one tick (the rest wait for the next).
    package var maximumPerTick = 10_000

    package init(workflow: CaseWorkflow) {
        self.workflow = workflow
    }

    package struct FiredTimer: Sendable, Equatable, Codable {
        package var timerId: String
        package var caseId: String
        package var caseReference: String
        package var step: String
        package var action: String
        package var dueAt: Date?
        /// "acted", "alreadyMet" (nobody told), "alreadyFired" (a repeat) or "nothingToDo" (stopped meanwhile).
        package var outcome: String
    }

    package struct FailedTimer: Sendable, Equatable, Codable {
        package var timerId: String
        package var caseReference: String
        package var step: String
        package var code: String
        package var message: String
        package var attempts: Int
    }

    package struct TickReport: Sendable, Equatable, Codable {
        package var now: Date
        package var fired: [FiredTimer] = []
        package var failed: [FailedTimer] = []
    }

    /// Fires every timer due at the workflow's clock's now, then the reminder before the national return that is
    /// due, if any.
    package func tick() -> TickReport {
        let now = workflow.handler.clock.now()
        var report = TickReport(now: now)
        var seen: Set<String> = []
        // Only when some timer failed before is there anything to forget after a firing.
        let anyFailedBefore =
            (try? workflow.handler.store.snapshot { db in try TimerAttempts.anyRecorded(in: db) }) ?? true
        while report.fired.count + report.failed.count < maximumPerTick {
            let due: [DueTimer]
            do {
                due = try workflow.handler.store.snapshot { db in
                    try TimerQueries.due(at: now, limit: batchSize, in: db)
                }
                .filter { !seen.contains($0.timerID) }
            } catch {
                report.failed.append(
                    FailedTimer(
                        timerId: "-", caseReference: "-", step: "-", code: "store.failure", message: error.description,
                        attempts: 0))
                return report
            }
            if due.isEmpty { break }
            for timer in due {
                seen.insert(timer.timerID)
                switch fire(timer, forgettingFailures: anyFailedBefore) {
                case .success(let fired): report.fired.append(fired)
                case .failure(let error): report.failed.append(recordFailure(timer, error, now: now))
                }
            }
        }
        switch nationalReturnReminders?.tick(now: now) {
        case .fired(let fired)?: report.fired.append(fired)
        case .failed(let failed)?: report.failed.append(failed)
        case nil: break
        }
        return report
    }

    /// The reminders before the national return is due, when the panel declares them and its forms are known.
    private var nationalReturnReminders: NationalReturnReminderFiring? {
        guard let catalog = workflow.schedules, let schedule = catalog.nationalReturnReminders,
            let forms = catalog.forms
        else { return nil }
        return NationalReturnReminderFiring(
            workflow: workflow, schedule: schedule, calendar: catalog.calendar, forms: forms)
    }

    /// Fires one timer as the command `reachScheduleStep`, with the timer's id as the command id.
    func fire(_ timer: DueTimer, forgettingFailures: Bool) -> Result<FiredTimer, CommandError> {
        guard let caseID = CaseID(timer.caseID), let target = ScheduleTarget(key: timer.target),
            let commandID = UUID(uuidString: timer.timerID)
        else {
            return .failure(.rejected(DomainError(code: "timer.malformed", "Timer \(timer.timerID) cannot be read.")))
        }
        do {
            let outcome = try workflow.handler.run(by: .system, commandID: commandID) { session throws(CommandError) in
                try session.decideOnCase(
                    caseID, .reachScheduleStep(target: target, scheduleID: timer.scheduleID, step: timer.step),
                    schedules: workflow.schedules, links: workflow.links)
            }
            var result = "nothingToDo"
            var action = "-"
            if outcome.wasRepeat {
                result = "alreadyFired"
            } else if case .scheduleStepReached(let reached)? = outcome.value?.first {
                result = reached.outcome.rawValue
                action = TimerTables.label(reached.action)
            }
            if forgettingFailures {
                try? workflow.handler.store.writing { db in try TimerAttempts.clear(timerID: timer.timerID, in: db) }
            }
            return .success(
                FiredTimer(
                    timerId: timer.timerID, caseId: timer.caseID, caseReference: caseID.reference,
                    step: timer.step, action: action, dueAt: timer.dueAt, outcome: result))
        } catch {
            return .failure(error)
        }
    }

    private func recordFailure(_ timer: DueTimer, _ error: CommandError, now: Date) -> FailedTimer {
        let attempts =
            (try? workflow.handler.store.writing { db in
                try TimerAttempts.recordFailure(timerID: timer.timerID, errorCode: error.code, now: now, in: db)
            }) ?? 0
        return FailedTimer(
            timerId: timer.timerID, caseReference: CaseID(timer.caseID).map(\.reference) ?? timer.caseID,
            step: timer.step, code: error.code, message: error.description, attempts: attempts)
    }

    /// Ticks every `interval` until the task is cancelled (the server's service loop).
    package func run(every interval: Duration, onTick: @Sendable (TickReport) -> Void = { _ in }) async {
        while !Task.isCancelled {
            onTick(tick())
            try? await Task.sleep(for: interval)
        }
    }
}
