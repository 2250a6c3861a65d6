import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// `cdop review ...`: external processes, the child death review meeting, readiness and listing for the panel.
struct ReviewGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Wait on external processes, record the child death review meeting, and bring the case to the panel.",
        subcommands: [
            ReviewAwaitCommand.self, ReviewConcludeCommand.self, ReviewMeetingHeldCommand.self, ReviewReadyCommand.self,
            ReviewAssignCommand.self,
        ])
}

struct ReviewAwaitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "await",
        abstract: "Record that the review waits on an external process (pauses the timeliness clock).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "The process: \(ExternalProcess.valueList).")
    var process: ExternalProcess

    @Option(help: "What is awaited, in the coordinator's words.", transform: Parse.nonEmpty)
    var reason: String

    @Option(help: "The day the wait began (YYYY-MM-DD).", transform: Parse.day)
    var since: CalendarDate

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let day = since
        try target.execute(.awaitExternalProcess(process: process, reason: reason, since: day))
        try target.report(
            "Case \(target.reference) awaits the \(process.label) since \(DayFormatter.long(day)); the review clock is paused."
        )
    }
}

struct ReviewConcludeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conclude", abstract: "Record that an awaited external process concluded (the clock resumes).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "The process: \(ExternalProcess.valueList).")
    var process: ExternalProcess

    @Option(help: "The day it concluded (YYYY-MM-DD).", transform: Parse.day)
    var on: CalendarDate

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let day = on
        try target.execute(.concludeExternalProcess(process: process, on: day))
        try target.report(
            "The \(process.label) for \(target.reference) concluded on \(DayFormatter.long(day)); the review clock resumes."
        )
    }
}

struct ReviewMeetingHeldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting-held", abstract: "Record the child death review meeting and its draft analysis.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "The day it was held (YYYY-MM-DD).", transform: Parse.day)
    var on: CalendarDate

    @Option(help: "The draft analysis, as text or @FILE.", transform: Parse.textOrFile)
    var draftAnalysis: String

    @Option(help: "The meeting, if it was scheduled with `cdop meeting schedule` (id or prefix).")
    var meeting: String?

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let day = on
        let analysis = draftAnalysis
        let meetingID = try meeting.map { try target.engine.resolveMeeting($0) }
        try target.execute(.recordReviewMeetingHeld(meetingID: meetingID, heldOn: day, draftAnalysis: analysis))
        try target.report(
            "Child death review meeting for \(target.reference) recorded, held on \(DayFormatter.long(day))."
        ) {
            $0.meetingId = meetingID?.description
        }
    }
}

struct ReviewReadyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ready", abstract: "Mark the case ready for the panel.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let events = try target.execute(.markReadyForPanel)
        try target.report("Case \(target.reference) is ready for the panel.", changed: !events.isEmpty)
    }
}

struct ReviewAssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "List the case for a panel meeting (on the case and on the meeting's agenda).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "The panel meeting (id or prefix; see `cdop meeting list`).")
    var meeting: String

    @Option(help: "The meeting's day (YYYY-MM-DD; default: the day it starts).", transform: Parse.day)
    var date: CalendarDate?

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let meetingID = try target.engine.resolveMeeting(meeting)
        let meetingState = try target.engine.workflow.meetingState(meetingID)
        guard let startsAt = meetingState.startsAt else {
            throw CommandError.notFound(kind: "meeting", reference: meeting)
        }
        let day = date ?? LondonTime.day(of: startsAt)
        try target.engine.workflow.assignToPanel(
            target.caseID, meetingID: meetingID, meetingDate: day, by: options.actorForCommand)
        try target.report(
            "Case \(target.reference) listed for \(meetingState.title) on \(DayFormatter.long(day)) (meeting \(meetingID))."
        ) {
            $0.meetingId = meetingID.description
        }
    }
}
