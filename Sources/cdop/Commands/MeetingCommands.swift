import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// `cdop meeting ...`: rapid-response, child death review and panel meetings.
struct MeetingGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", abstract: "Schedule and run meetings: invitees, agenda, attendance, minutes, actions.",
        discussion: "A MEETING is its id or an unambiguous prefix of it (see `cdop meeting list`).",
        subcommands: [
            MeetingScheduleCommand.self, MeetingListCommand.self, MeetingShowCommand.self, MeetingInviteCommand.self,
            MeetingUninviteCommand.self, MeetingAgendaCommand.self, MeetingRescheduleCommand.self,
            MeetingCancelCommand.self, MeetingHeldCommand.self, MeetingMinutesCommand.self, MeetingActionCommand.self,
            MeetingActionDoneCommand.self,
        ])
}

/// What every command on one meeting shares: the engine, the meeting, and how to report.
struct MeetingTarget {
    let options: GlobalOptions
    let engine: Engine
    let meetingID: MeetingID

    init(_ options: GlobalOptions, meeting text: String) throws {
        self.options = options
        engine = try options.engine()
        meetingID = try engine.resolveMeeting(text)
        guard try engine.workflow.meetingState(meetingID).exists else {
            throw CommandError.notFound(kind: "meeting", reference: text)
        }
    }

    func state() throws -> MeetingState { try engine.workflow.meetingState(meetingID) }

    @discardableResult
    func execute(_ command: MeetingCommand) throws -> [MeetingEvent] {
        try engine.workflow.execute(command, on: meetingID, by: options.actorForCommand)
    }

    func report(_ message: String, changed: Bool = true, fill: (inout CommandReport) -> Void = { _ in }) {
        var report = CommandReport(
            message: changed ? message : "Nothing changed on meeting \(meetingID): this was already recorded.",
            changed: changed, meetingId: meetingID.description)
        fill(&report)
        options.print(report)
    }
}

struct MeetingScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule", abstract: "Schedule a meeting; prints its id.",
        discussion: "Types: \(MeetingType.valueList). Invitee roles: \(InviteeRole.valueList).")

    @OptionGroup var options: GlobalOptions

    @Option(help: "The kind of meeting: \(MeetingType.valueList).")
    var type: MeetingType

    @Option(help: "Its title.", transform: Parse.nonEmpty)
    var title: String

    @Option(help: "When it starts, ISO 8601 with offset (e.g. 2027-03-10T10:00:00Z).", transform: Parse.instant)
    var starts: Date

    @Option(help: "When it ends, ISO 8601 with offset.", transform: Parse.instant)
    var ends: Date

    @OptionGroup var venue: VenueOptions

    @Option(help: "A theme, e.g. \"neonatal\" for a themed panel.")
    var theme: String?

    @OptionGroup var invited: InviteeOptions

    func validate() throws {
        try OptionChecks.refuse(ends, notAfter: starts, option: "--ends", startOption: "--starts")
        if venue.venue == nil { throw ValidationError("Give --place or --call-link (or both).") }
        try invited.refuseRepeats()
    }

    func run() throws {
        let engine = try options.engine()
        let meetingID = MeetingID(UUID())
        let start = starts
        let end = ends
        try engine.workflow.execute(
            .schedule(
                meetingID: meetingID, type: type, title: title, startsAt: start, endsAt: end, venue: venue.venue!,
                theme: theme),
            on: meetingID, by: options.actorForCommand)
        for invitee in invited.people {
            try engine.workflow.execute(.invite(invitee), on: meetingID, by: options.actorForCommand)
        }
        options.print(
            CommandReport(
                message: "\(type.label.capitalisedFirst) \"\(title)\" scheduled for "
                    + "\(DayFormatter.dayAndTime(start)): \(meetingID).",
                meetingId: meetingID.description))
    }
}

struct MeetingListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List meetings, soonest first.")

    @OptionGroup var options: GlobalOptions

    @Option(help: "Only meetings of this type: \(MeetingType.valueList).")
    var type: MeetingType?

    func run() throws {
        let engine = try options.engine()
        let type = type?.rawValue
        let rows = try engine.store.snapshot { db in try MeetingQueries.summaries(type: type, in: db) }
        if options.json {
            print(Output.json(rows))
            return
        }
        if rows.isEmpty {
            print("No meetings.")
            return
        }
        print(
            TextTable.render(
                header: ["meeting", "type", "starts (UTC)", "title", "status", "cases", "open actions"],
                rows: rows.map {
                    [
                        String($0.meetingId.prefix(8)), $0.type, $0.startsAt ?? "-", $0.title, $0.status,
                        "\($0.agenda.count)",
                        "\($0.openActions)",
                    ]
                }))
    }
}

struct MeetingShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a meeting: when, where, invitees, agenda, attendance, minutes, actions.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The meeting (id or prefix).")
    var meeting: String

    func run() throws {
        let target = try MeetingTarget(options, meeting: meeting)
        let s = try target.state()
        let view = MeetingView(target.meetingID, s, identifiable: true)
        if options.json {
            print(Output.json(view))
            return
        }
        let attendance = Dictionary(
            s.attendance.map { ($0.email.lowercased(), $0.status.rawValue) }, uniquingKeysWith: { a, _ in a })
        print("Meeting \(view.title)  (\(view.meetingId))")
        print("type      \(s.type?.label ?? "-")\(s.theme.map { ", theme \($0)" } ?? "")")
        print(
            "when      \(s.startsAt.map(DayFormatter.dayAndTime) ?? "-") to \(s.endsAt.map { LondonTime.time(of: $0).description } ?? "-")"
        )
        print("where     \(s.venue?.place ?? "")\(s.venue?.callLink.map { " \($0)" } ?? "")")
        print("status    \(view.status)")
        if !view.agenda.isEmpty { print("agenda    \(view.agenda.map(\.reference).joined(separator: ", "))") }
        if !s.invitees.isEmpty {
            print("\nInvitees")
            print(
                TextTable.render(
                    header: ["name", "email", "role", "attendance"],
                    rows: s.invitees.map {
                        [$0.name, $0.email, $0.role.rawValue, attendance[$0.email.lowercased()] ?? "-"]
                    }))
        }
        if let minutes = view.minutes { print("\nMinutes\n\(minutes)") }
        if !view.actions.isEmpty {
            print("\nActions")
            for action in view.actions {
                print(
                    "  [\(action.completedOn == nil ? " " : "x")] \(action.actionId.prefix(8)) \(action.description) "
                        + "(\(action.owner), due \(action.dueDate))")
            }
        }
    }
}

struct MeetingInviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite", abstract: "Invite people to a meeting.",
        discussion: "Roles: \(InviteeRole.valueList).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The meeting (id or prefix).")
    var meeting: String

    @OptionGroup var invited: InviteeOptions

    @Option(help: "Their organisation (for a single invitee).")
    var organisation: String?

    func validate() throws {
        if invited.people.isEmpty { throw ValidationError("Give at least one --invitee \"Name <email> role\".") }
    }

    func run() throws {
        let target = try MeetingTarget(options, meeting: meeting)
        for invitee in invited.people {
            var person = invitee
            person.organisation = organisation
            try target.execute(.invite(person))
        }
        target.report("\(invited.people.count) invited to \(try target.state().title).")
    }
}

struct MeetingUninviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninvite", abstract: "Take back someone's invitation.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The meeting (id or prefix).")
    var meeting: String

    @Option(help: "The invitee's email.")
    var email: String

    func run() throws {
        let target = try MeetingTarget(options, meeting: meeting)
        try target.execute(.withdrawInvitation(email: email))
        target.report("Invitation of \(email) to \(try target.state().title) withdrawn.")
    }
}

struct MeetingAgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract:
            "Add a case to a meeting's agenda, or remove it (to list a case for the panel use `cdop review assign`).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The meeting (id or prefix).")
    var meeting: String

    @Option(help: "A case to add (reference, id or prefix).")
    var add: String?

    @Option(help: "A case to remove (reference, id or prefix).")
    var remove: String?

    func validate() throws {
        if (add == nil) == (remove == nil) { throw ValidationError("Give either --add CASE or --remove CASE.") }
    }

    func run() throws {
        let target = try MeetingTarget(options, meeting: meeting)
        let caseID = try target.engine.resolveCase(add ?? remove!)
        let reference = caseID.reference
        let events = try target.execute(add != nil ? .addCaseToAgenda(caseID) : .removeCaseFromAgenda(caseID))
        target.report(
            add != nil
                ? "Case \(reference) added to the agenda of \(try target.state().title)."
                : "Case \(reference) removed from the agenda of \(try target.state().title).",
            changed: !events.isEmpty
        ) {
            $0.caseId = caseID.description
            $0.reference = reference
        }
    }
}

struct MeetingRescheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reschedule", abstract: "Move a meeting (invitees get an update, not a second meeting).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The meeting (id or prefix).")
    var meeting: String

    @Option(help: "The new start, ISO 8601 with offset.", transform: Parse.instant)
    var starts: Date

    @Option(help: "The new end (default: the same length as before).", transform: Parse.instant)
    var ends: Date?

    @OptionGroup var venue: VenueOptions

    func validate() throws {
        try OptionChecks.refuse(ends, notAfter: starts, option: "--ends", startOption: "--starts")
    }

    func run() throws {
        let target = try MeetingTarget(options, meeting: meeting)
        let current = try target.state()
        guard current.exists, let oldStart = current.startsAt, let oldEnd = current.endsAt, let oldVenue = current.venue
        else {
            throw CommandError.notFound(kind: "meeting", reference: meeting)
        }
        let start = starts
        let end = ends ?? start.addingTimeInterval(oldEnd.timeIntervalSince(oldStart))
        let events = try target.execute(.reschedule(startsAt: start, endsAt: end, venue: venue.venue ?? oldVenue))
        target.report("\(current.title) moved to \(DayFormatter.dayAndTime(start)).", changed: !events.isEmpty)
    }
}

struct MeetingCancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a meeting.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The meeting (id or prefix).")
    var meeting: String

    @Option(help: "Why it is cancelled.", transform: Parse.nonEmpty)
    var reason: String

    func run() throws {
        let target = try MeetingTarget(options, meeting: meeting)
        try target.execute(.cancel(reason: reason))
        target.report("\(try target.state().title) cancelled.")
    }
}

struct MeetingHeldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "held", abstract: "Record that a meeting took place, with who attended (others: not recorded).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The meeting (id or prefix).")
    var meeting: String

    @Option(help: "The email of an invitee who attended (repeatable).")
    var attended: [String] = []

    @Option(help: "The email of an invitee who sent apologies (repeatable).")
    var apologies: [String] = []

    @Option(help: "The email of an invitee who did not attend (repeatable).")
    var absent: [String] = []

    func run() throws {
        let target = try MeetingTarget(options, meeting: meeting)
        let records =
            attended.map { AttendanceRecord(email: $0, status: .attended) }
            + apologies.map { AttendanceRecord(email: $0, status: .sentApologies) }
            + absent.map { AttendanceRecord(email: $0, status: .didNotAttend) }
        try target.execute(.recordHeld(attendance: records))
        target.report("\(try target.state().title) recorded as held (\(attended.count) attended).")
    }
}

struct MeetingMinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes", abstract: "Record (or revise) a held meeting's minutes.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The meeting (id or prefix).")
    var meeting: String

    @Option(help: "The minutes, as text or @FILE.", transform: Parse.textOrFile)
    var text: String

    func run() throws {
        let target = try MeetingTarget(options, meeting: meeting)
        let events = try target.execute(.recordMinutes(text: text))
        target.report(
            "Minutes of \(try target.state().title) recorded (revision \(try target.state().minutesRevision)).",
            changed: !events.isEmpty)
    }
}

struct MeetingActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action", abstract: "Agree an action at a held meeting; prints its id.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The meeting (id or prefix).")
    var meeting: String

    @Option(help: "What is to be done.", transform: Parse.nonEmpty)
    var text: String

    @Option(help: "Who owns it.", transform: Parse.nonEmpty)
    var owner: String

    @Option(help: "When it is due (YYYY-MM-DD).", transform: Parse.day)
    var due: CalendarDate

    @Option(name: .customLong("case"), help: "The case it concerns (reference, id or prefix).")
    var caseReference: String?

    func run() throws {
        let target = try MeetingTarget(options, meeting: meeting)
        let caseID = try caseReference.map { try target.engine.resolveCase($0) }
        let actionID = ActionID(UUID())
        try target.execute(
            .agreeAction(actionID: actionID, description: text, owner: owner, dueDate: due, caseID: caseID))
        target.report(
            "Action for \(owner) due \(DayFormatter.short(due)) agreed at \(try target.state().title) (action \(actionID.description.prefix(8)))."
        ) {
            $0.actionId = actionID.description
            $0.caseId = caseID?.description
            $0.reference = caseID.map(\.reference)
        }
    }
}

struct MeetingActionDoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "action-done", abstract: "Mark a meeting's action completed.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The meeting (id or prefix).")
    var meeting: String

    @Argument(help: "The action (id or prefix).")
    var action: String

    @OptionGroup var completion: CompletionOptions

    func run() throws {
        let target = try MeetingTarget(options, meeting: meeting)
        let agreed = try target.state().resolveAction(action)
        try target.execute(.completeAction(actionID: agreed.id, completedOn: completion.on, note: completion.note))
        target.report("Action \"\(agreed.description)\" completed on \(DayFormatter.long(completion.on)).") {
            $0.actionId = agreed.id.description
        }
    }
}
