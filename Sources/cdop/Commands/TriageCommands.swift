import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// The designated doctor's view of the death, as a flag.
enum ExpectationFlag: String, EnumerableFlag {
    case expected
    case unexpected
    case notKnown

    var expectation: Expectation {
        switch self {
        case .expected: .expected
        case .unexpected: .unexpected
        case .notKnown: .notKnown
        }
    }

    static func help(for value: ExpectationFlag) -> ArgumentHelp? {
        switch value {
        case .expected: "The death was expected."
        case .unexpected: "The death was unexpected (opens a Joint Agency Response)."
        case .notKnown: "Not yet known (refused: the designated doctor must decide)."
        }
    }
}

/// `cdop triage`: the designated doctor confirms expected or unexpected, and the JAR triggers.
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract:
            "Record the designated doctor's triage: expected or unexpected, and the Joint Agency Response triggers.",
        discussion: "Triggers: "
            + JARTrigger.allCases.map { "\($0.rawValue) (\($0.label))" }.joined(separator: "; ")
            + ". An unexpected death or any trigger opens a rapid response.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Flag(help: "Whether the death was expected.")
    var expectation: ExpectationFlag

    @Option(help: "The designated doctor confirming it.", transform: Parse.nonEmpty)
    var confirmedBy: String

    @Option(
        name: .customLong("trigger"),
        help: ArgumentHelp(
            "A Joint Agency Response trigger (repeat for several): \(JARTrigger.valueList).",
            valueName: "trigger"))
    var triggers: [JARTrigger] = []

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let set = Set(triggers)
        let events = try target.execute(
            .triage(expectation: expectation.expectation, confirmedBy: confirmedBy, triggers: set))
        let opened = events.contains { if case .rapidResponseOpened = $0 { true } else { false } }
        try target.report(
            "Case \(target.reference) triaged as \(expectation.expectation.label) by \(confirmedBy)"
                + (set.isEmpty ? "" : " (triggers: \(set.sorted().map(\.rawValue).joined(separator: ", ")))")
                + (opened ? "; a Joint Agency Response is open." : "."),
            changed: !events.isEmpty)
    }
}

/// `cdop rapid-response ...`: the Joint Agency Response's meetings and completion.
struct RapidResponseGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapid-response", abstract: "Convene, record and complete the Joint Agency Response.",
        subcommands: [
            RapidResponseConveneCommand.self, RapidResponseHeldCommand.self, RapidResponseCompleteCommand.self,
        ])
}

/// Where a meeting happens, given as options.
struct VenueOptions: ParsableArguments {
    @Option(help: "Where the meeting is held.")
    var place: String?

    @Option(help: "The https:// link of the call.")
    var callLink: String?

    var venue: MeetingVenue? {
        place == nil && callLink == nil ? nil : MeetingVenue(place: place, callLink: callLink)
    }
}

struct RapidResponseConveneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convene",
        abstract:
            "Convene a rapid-response meeting for the case (scheduled as a meeting of its own), and invite people.",
        discussion: "Invitee roles: \(InviteeRole.valueList).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "When it starts, ISO 8601 with offset (e.g. 2026-11-18T14:00:00Z).", transform: Parse.instant)
    var at: Date

    @Option(help: "When it ends (default: an hour after the start).", transform: Parse.instant)
    var ends: Date?

    @OptionGroup var venue: VenueOptions

    @Option(help: "The meeting's title (default: \"Rapid response: CDOP-…\").")
    var title: String?

    @OptionGroup var invited: InviteeOptions

    func validate() throws {
        try OptionChecks.refuse(ends, notAfter: at, option: "--ends", startOption: "--at")
        if venue.venue == nil { throw ValidationError("Give --place or --call-link (or both).") }
        try invited.refuseRepeats()
    }

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let start = at
        let end = ends ?? start.addingTimeInterval(3600)
        let people = invited.people
        let title = title ?? "Rapid response: \(target.reference)"
        let venue = venue.venue!
        let meetingID = try target.engine.workflow.conveneRapidResponse(
            for: target.caseID, scheduledFor: start, invitees: people, by: options.actorForCommand
        ) { id in
            .schedule(
                meetingID: id, type: .rapidResponse, title: title, startsAt: start, endsAt: end, venue: venue,
                theme: nil)
        }
        try target.report(
            "Rapid-response meeting for \(target.reference) convened for \(DayFormatter.dayAndTime(start))"
                + (people.isEmpty ? "" : ", \(people.count) invited") + " (meeting \(meetingID))."
        ) { $0.meetingId = meetingID.description }
    }
}

struct RapidResponseHeldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "held", abstract: "Record that the case's rapid-response meeting took place.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "The rapid-response meeting (id or prefix; default: the case's only one).")
    var meeting: String?

    @Option(help: "When it was held, ISO 8601 with offset.", transform: Parse.instant)
    var at: Date

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        let heldAt = at
        let meetingID: MeetingID
        if let meeting {
            meetingID = try target.engine.resolveMeeting(meeting)
        } else {
            let convened = try target.state().rapidResponse?.meetings ?? []
            guard convened.count == 1 else {
                throw ValidationError(
                    convened.isEmpty
                        ? "No rapid-response meeting was convened for \(target.reference)."
                        : "\(target.reference) has \(convened.count) rapid-response meetings; name one with --meeting.")
            }
            meetingID = convened[0]
        }
        let events = try target.execute(.recordRapidResponseMeetingHeld(meetingID: meetingID, heldAt: heldAt))
        try target.report(
            "Rapid-response meeting for \(target.reference) recorded as held on \(DayFormatter.dayAndTime(heldAt)).",
            changed: !events.isEmpty
        ) { $0.meetingId = meetingID.description }
    }
}

struct RapidResponseCompleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete", abstract: "Complete the Joint Agency Response.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The case (reference, id or prefix).")
    var caseReference: String

    @Option(help: "A closing note.")
    var note: String = ""

    func run() throws {
        let target = try CaseTarget(options, case: caseReference)
        try target.execute(.completeRapidResponse(note: note))
        try target.report("Joint Agency Response for \(target.reference) completed.")
    }
}
