import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// `cdop tick`: fire every timer that is due, once, and say what fired.
struct TickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tick",
        abstract: "Fire every due timer once (reminders, escalations, targets) and print what fired.",
        discussion: """
            The server ticks by itself; this runs one tick by hand, for operations and tests. With --now the \
            tick runs as if it were that moment (the events record it as their time). Running it twice fires \
            nothing twice.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "Run the tick as at this ISO-8601 instant (default: now).", transform: Parse.instant)
    var now: Date?

    func run() throws {
        let clock: any AppClock = now.map { FixedClock($0) } ?? SystemClock()
        let engine = try options.engine(clock: clock)
        let report = engine.scheduler.tick()
        if options.json {
            print(Output.json(report))
        } else {
            let formatter = ISO8601DateFormatter()
            print(
                "Tick at \(formatter.string(from: report.now)): \(report.fired.count) fired, \(report.failed.count) failed."
            )
            if !report.fired.isEmpty {
                print(
                    TextTable.render(
                        header: ["case", "step", "action", "due", "outcome"],
                        rows: report.fired.map {
                            [
                                $0.caseReference, $0.step, $0.action, $0.dueAt.map(formatter.string(from:)) ?? "-",
                                $0.outcome,
                            ]
                        }))
            }
            for failure in report.failed {
                print(
                    "FAILED \(failure.caseReference) \(failure.step) (attempt \(failure.attempts)): \(failure.message) [\(failure.code)]"
                )
            }
        }
        if !report.failed.isEmpty { throw ExitCode(1) }
    }
}

/// `cdop timers`: what is pending, when it fires, how long is left.
struct TimersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timers", abstract: "List pending timers with their due time and the time remaining.",
        subcommands: [TimersListCommand.self, TimersMoveCommand.self], defaultSubcommand: TimersListCommand.self)
}

struct TimersListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List pending timers with their due time and the time remaining.")

    @OptionGroup var options: GlobalOptions

    @Option(name: .customLong("case"), help: "Only this case's timers.")
    var caseReference: String?

    @Flag(help: "Only timers already due (overdue).")
    var overdue = false

    struct Line: Encodable {
        var timerId: String
        var caseReference: String
        var target: String
        var schedule: String
        var step: String
        var action: String
        var dueAt: Date?
        var state: String
        var remaining: String
    }

    func run() throws {
        let engine = try options.engine()
        let now = Date()
        let caseID = try caseReference.map { try engine.resolveCase($0) }
        let timers = try engine.store.snapshot { db in
            try TimerQueries.pending(caseID: caseID, overdueAt: overdue ? now : nil, in: db)
        }
        let lines = timers.map { timer in
            Line(
                timerId: timer.timerID, caseReference: CaseID(timer.caseID).map(\.reference) ?? timer.caseID,
                target: timer.target, schedule: "\(timer.scheduleID) v\(timer.scheduleVersion)", step: timer.step,
                action: timer.action, dueAt: timer.dueAt, state: timer.state,
                remaining: timer.dueAt.map { Self.remaining(from: now, to: $0) }
                    ?? "paused (awaiting an external process)")
        }
        if options.json {
            print(Output.json(lines))
            return
        }
        if lines.isEmpty {
            print(overdue ? "No timer is overdue." : "No timer is pending.")
            return
        }
        let formatter = ISO8601DateFormatter()
        print(
            TextTable.render(
                header: ["case", "schedule", "step", "action", "due (UTC)", "remaining"],
                rows: lines.map {
                    [
                        $0.caseReference, $0.schedule, $0.step, $0.action, $0.dueAt.map(formatter.string(from:)) ?? "-",
                        $0.remaining,
                    ]
                }))
    }

    /// "3 days 4 hours left", or "overdue by 2 days".
    static func remaining(from now: Date, to due: Date) -> String {
        let seconds = Int(due.timeIntervalSince(now))
        let magnitude = abs(seconds)
        let days = magnitude / 86_400
        let hours = magnitude % 86_400 / 3600
        let minutes = magnitude % 3600 / 60
        let text =
            days > 0
            ? "\(days) day\(days == 1 ? "" : "s") \(hours) h"
            : hours > 0 ? "\(hours) h \(minutes) min" : "\(minutes) min"
        return seconds >= 0 ? "\(text) left" : "overdue by \(text)"
    }
}

/// `cdop timers move CASE`: move a case's running schedules to the current versions of their definitions.
struct TimersMoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move a case's running schedules to the current version of their definitions.",
        discussion:
            "Editing a file in Workflows/ changes only schedules started afterwards; this moves a running one on purpose."
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case.")
    var caseReference: String

    @Option(help: "Only the schedule with this id (e.g. form-b-chasing).")
    var schedule: String?

    func run() throws {
        let engine = try options.engine()
        let caseID = try engine.resolveCase(caseReference)
        let moved = try engine.workflow.moveSchedules(of: caseID, scheduleID: schedule, by: options.actorForCommand)
        if options.json {
            print(Output.json(moved))
        } else if moved.isEmpty {
            print("Nothing to move on \(caseID.reference): its running schedules are already at the current versions.")
        } else {
            for item in moved {
                print(
                    "Moved \(item.scheduleID) for \(item.target) on \(caseID.reference) from version \(item.fromVersion) to \(item.toVersion)."
                )
            }
        }
    }
}
