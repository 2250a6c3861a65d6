import CDOPDomain
import Foundation
import Yams

/// A schedule file read and checked on its own; the templates it names are checked once all are loaded.
struct LoadedSchedule {
    var definition: ScheduleDefinition
    var endsAfter: Offset?
    /// The template each step names, with where it is named, for the check against `Workflows/emails/`.
    var templateUses: [TemplateUse]
}

/// A step as read, with its place in the file for problems found across steps.
struct StepEntry {
    var step: ScheduleStep
    var index: Int
    var node: Node
    /// Set while the step's time is written against the due date ("3 working-days before due").
    var fromDue: DueDistance?
}

enum ScheduleFile {
    static let keys = [
        "id", "version", "title", "starts-on", "stopped-by", "paused-while-awaiting-external",
        "ends-after", "steps",
    ]
    static let stepKeys = ["name", "after", "action", "template", "reminder-step", "level", "target", "to"]
    static let actions = ["due", "remind", "final-reminder", "escalate", "target", "request-erasure"]
    /// Which step keys each action takes beyond name, after, action and template.
    static let actionKeys: [String: [String]] = [
        "due": [], "remind": ["reminder-step"], "final-reminder": ["reminder-step"], "escalate": ["level"],
        "target": ["target", "to"], "request-erasure": ["to"],
    ]
    /// Ten years: a step later than this after its start is surely a typing mistake, and could overflow.
    static let maximumDays = 3660
    /// A hundred years, for a retention period (which runs from the case's closing for as long as the panel's
    /// records policy says).
    static let maximumRetentionDays = 36_600

    /// The longest a step of a schedule starting on `start` may fall after it, in days.
    static func longest(after start: ScheduleDefinition.Start?) -> Int {
        start == .caseClosed ? maximumRetentionDays : maximumDays
    }

    /// Reads one schedule; nil when it has problems (all of them recorded in `reader`).
    static func load(_ root: Node, stem: String, reader: YAMLReader) -> LoadedSchedule? {
        let before = reader.problems.count
        guard
            let fields = reader.mapping(
                root, at: "", allowed: keys,
                required: keys.filter {
                    $0 != "paused-while-awaiting-external" && $0 != "ends-after"
                })
        else { return nil }

        let id = reader.identifier(fields["id"], at: "id")
        if let id, id != stem {
            reader.problem(
                "id", fields["id"],
                "the id '\(id)' differs from the file's name '\(stem)': they must be the same, so the file is easy to find from a case's history"
            )
        }
        let version = reader.int(fields["version"], at: "version", atLeast: 1)
        let title = reader.string(fields["title"], at: "title")
        let start = reader.choice(
            fields["starts-on"], at: "starts-on", of: ScheduleDefinition.Start.self, what: "starting event")
        let stops = readStops(fields, start: start, reader: reader)
        let paused =
            fields["paused-while-awaiting-external"].map { reader.bool($0, at: "paused-while-awaiting-external") }
            ?? false
        let endsAfter = fields["ends-after"].flatMap {
            offset($0, at: "ends-after", reader: reader, maximumDays: longest(after: start))
        }

        var steps: [StepEntry] = []
        var templateUses: [TemplateUse] = []
        if let list = reader.sequence(fields["steps"], at: "steps", what: "steps") {
            if list.isEmpty { reader.problem("steps", fields["steps"], "a schedule needs at least one step") }
            for (index, node) in list.enumerated() {
                if let (step, fromDue) = readStep(node, at: join("steps", index), start: start, reader: reader) {
                    steps.append(StepEntry(step: step, index: index, node: node, fromDue: fromDue))
                    if let template = step.template {
                        let path = join(join("steps", index), "template")
                        templateUses.append(
                            TemplateUse(template: template, keyPath: path, line: node.mapping?["template"]?.mark?.line))
                    }
                }
            }
        }
        // Rules across steps only once every step reads cleanly: a half-read list would give false alarms
        // (a reminder that failed to read would look like a gap in the numbering).
        if steps.count == (fields["steps"]?.sequence?.count ?? -1) {
            resolveDueDistances(&steps, start: start, reader: reader)
            checkSteps(steps, endsAfter: endsAfter, start: start, reader: reader)
        }

        guard reader.problems.count == before, let id, let version, let title, let start, let stops,
            let paused
        else { return nil }
        let sorted = steps.map(\.step).sorted(by: fallsBefore)
        let definition = ScheduleDefinition(
            id: id, version: version, title: title, start: start, stoppedBy: stops,
            pausedWhileAwaitingExternal: paused, steps: sorted)
        return LoadedSchedule(definition: definition, endsAfter: endsAfter, templateUses: templateUses)
    }

    /// Steps in the order they fall: by offset, then due date before reminders before escalations, then name.
    static func fallsBefore(_ a: ScheduleStep, _ b: ScheduleStep) -> Bool {
        (a.after.amount, a.action.rankAtSameOffset, a.name) < (b.after.amount, b.action.rankAtSameOffset, b.name)
    }

    private static func readStops(
        _ fields: Fields, start: ScheduleDefinition.Start?, reader: YAMLReader
    ) -> Set<ScheduleDefinition.Stop>? {
        guard let list = reader.sequence(fields["stopped-by"], at: "stopped-by", what: "stopping events") else {
            return nil
        }
        if list.isEmpty {
            reader.problem("stopped-by", fields["stopped-by"], "a schedule needs at least one event that stops it")
        }
        var stops: Set<ScheduleDefinition.Stop> = []
        var ok = true
        for (index, node) in list.enumerated() {
            let path = join("stopped-by", index)
            guard let stop = reader.choice(node, at: path, of: ScheduleDefinition.Stop.self, what: "stopping event")
            else {
                ok = false
                continue
            }
            if !stops.insert(stop).inserted {
                reader.problem(path, node, "'\(stop.rawValue)' is listed twice")
                ok = false
            }
            if let start, !start.possibleStops.contains(stop) {
                reader.problem(
                    path, node,
                    "'\(stop.rawValue)' cannot stop a schedule that starts on '\(start.rawValue)'; it can be stopped by: "
                        + start.possibleStops.map(\.rawValue).sorted().joined(separator: ", "))
                ok = false
            }
        }
        return ok ? stops : nil
    }

    /// An offset with its unit said, e.g. "14 calendar-days", with a reason a coordinator can act on if not.
    static func offset(
        _ node: Node, at path: String, reader: YAMLReader, maximumDays: Int = maximumDays
    ) -> Offset? {
        guard let text = reader.string(node, at: path) else { return nil }
        if let offset = Offset(text: text) {
            let limit =
                switch offset.unit {
                case .hours: maximumDays * 24
                case .calendarDays, .workingDays: maximumDays
                case .years: maximumDays / 366
                }
            guard offset.amount <= limit else {
                let years = maximumDays / 366
                reader.problem(
                    path, node,
                    "'\(text)' is more than \(years == 10 ? "ten" : "\(years)") years (\(limit) \(offset.unit.rawValue)): surely a mistake"
                )
                return nil
            }
            return offset
        }
        let parts = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let units = Offset.Unit.allCases.map(\.rawValue).joined(separator: ", ")
        let reason: String
        if parts.count == 1, Int(parts[0]) != nil {
            reason =
                "'\(text)' has no unit: write '\(parts[0]) calendar-days', '\(parts[0]) working-days' or '\(parts[0]) hours'"
        } else if parts.count >= 2, let amount = Int(parts[0]), amount < 0 {
            reason = "'\(text)' is negative: a step falls after its schedule starts, never before"
        } else if parts.count >= 2, Int(parts[0]) == nil {
            reason = "'\(text)' does not start with a whole number, as in '10 calendar-days'"
        } else if parts.count == 2, ["days", "day"].contains(parts[1].lowercased()) {
            reason =
                "'\(text)' does not say which days: write '\(parts[0]) calendar-days' or '\(parts[0]) working-days'"
        } else {
            reason = "'\(text)' is not a duration: write a whole number and one of \(units), e.g. '14 calendar-days'"
        }
        reader.problem(path, node, reason)
        return nil
    }

    private static func readStep(
        _ node: Node, at path: String, start: ScheduleDefinition.Start?, reader: YAMLReader
    ) -> (ScheduleStep, DueDistance?)? {
        let before = reader.problems.count
        guard let fields = reader.mapping(node, at: path, allowed: stepKeys, required: ["name", "after", "action"])
        else {
            return nil
        }
        let name = reader.identifier(fields["name"], at: fields.path("name"))
        let fromDue = fields["after"]?.string.flatMap(DueDistance.init(text:))
        let after =
            fromDue.map { Offset(0, $0.unit ?? .calendarDays) }
            ?? fields["after"].flatMap {
                offset($0, at: fields.path("after"), reader: reader, maximumDays: longest(after: start))
            }
        guard let actionWord = reader.string(fields["action"], at: fields.path("action")) else { return nil }
        guard let ownKeys = actionKeys[actionWord] else {
            reader.problem(
                fields.path("action"), fields["action"],
                "unknown action '\(actionWord)'"
                    + YAMLReader.suggestion(actionWord, among: actions) + "; expected one of: "
                    + actions.joined(separator: ", "))
            return nil
        }
        // Keys that belong to another action are refused too: a stray `level:` on a reminder is a mistake.
        for key in fields.values.keys.sorted()
        where !["name", "after", "action", "template"].contains(key) && !ownKeys.contains(key) {
            reader.problem(fields.path(key), fields[key], "'\(key)' does not apply to action '\(actionWord)'")
        }
        for key in ownKeys where fields[key] == nil {
            reader.problem(fields.path(key), node, "'\(key)' is missing: action '\(actionWord)' needs it")
        }

        let action: ScheduleAction?
        switch actionWord {
        case "due":
            action = .due
        case "remind", "final-reminder":
            action = reader.int(fields["reminder-step"], at: fields.path("reminder-step"), atLeast: 1).map {
                .remind(step: $0, kind: actionWord == "remind" ? .reminder : .finalReminder)
            }
        case "escalate":
            action = reader.choice(
                fields["level"], at: fields.path("level"), of: EscalationLevel.self, what: "escalation level"
            )
            .map { .escalate(level: $0) }
        case "request-erasure":
            action = readRecipients(fields, reader: reader).map { .requestErasure(to: $0) }
        default:
            let target = reader.choice(
                fields["target"], at: fields.path("target"), of: TargetMilestone.self, what: "target")
            if let target, let start, target.startedBy != start {
                reader.problem(
                    fields.path("target"), fields["target"],
                    "target '\(target.rawValue)' belongs to schedules that start on '\(target.startedBy.rawValue)', not '\(start.rawValue)'"
                )
            }
            let recipients = readRecipients(fields, reader: reader)
            action = target.flatMap { target in recipients.map { .target(name: target.rawValue, to: $0) } }
        }

        if let start {
            let formOnly = ["due", "remind", "final-reminder", "escalate"].contains(actionWord)
            if (start == .caseClosed) != (actionWord == "request-erasure") {
                reader.problem(
                    fields.path("action"), fields["action"],
                    start == .caseClosed
                        ? "a schedule starting on 'case-closed' is the case's retention period: its steps use action 'request-erasure'"
                        : "action 'request-erasure' ends a retention period, so it belongs to a schedule starting on 'case-closed', not '\(start.rawValue)'"
                )
            } else if formOnly && !start.chasesAForm {
                reader.problem(
                    fields.path("action"), fields["action"],
                    "action '\(actionWord)' chases a form request, but this schedule starts on '\(start.rawValue)'; use 'target'"
                )
            } else if !formOnly && start.chasesAForm {
                reader.problem(
                    fields.path("action"), fields["action"],
                    "action 'target' is for rapid-response and case schedules; a form request is chased with due, remind, final-reminder and escalate"
                )
            }
        }

        var template: String?
        if actionWord == "due" {
            if fields["template"] != nil {
                reader.problem(
                    fields.path("template"), fields["template"], "a due step sends nothing, so it takes no template")
            }
        } else if fields["template"] == nil {
            reader.problem(
                fields.path("template"), node, "'template' is missing: action '\(actionWord)' sends an email")
        } else {
            template = reader.identifier(fields["template"], at: fields.path("template"))
        }

        guard reader.problems.count == before, let name, let after, let action else { return nil }
        return (ScheduleStep(name: name, after: after, action: action, template: template), fromDue)
    }

    static func readRecipients(_ fields: Fields, reader: YAMLReader) -> [ScheduleRecipient]? {
        guard let list = reader.sequence(fields["to"], at: fields.path("to"), what: "recipients") else { return nil }
        if list.isEmpty {
            reader.problem(fields.path("to"), fields["to"], "a step that tells people needs at least one recipient")
            return nil
        }
        var recipients: [ScheduleRecipient] = []
        var ok = true
        for (index, node) in list.enumerated() {
            let path = join(fields.path("to"), index)
            guard let recipient = reader.choice(node, at: path, of: ScheduleRecipient.self, what: "recipient") else {
                ok = false
                continue
            }
            if recipients.contains(recipient) {
                reader.problem(path, node, "'\(recipient.rawValue)' is listed twice")
                ok = false
            }
            recipients.append(recipient)
        }
        return ok ? recipients : nil
    }

    /// Rules across steps: one unit, unique names, nothing after the end, reminders 1, 2, … in order, one
    /// due date for a form, escalations rising.
    private static func checkSteps(
        _ steps: [StepEntry], endsAfter: Offset?, start: ScheduleDefinition.Start?,
        reader: YAMLReader
    ) {
        func afterLine(_ entry: StepEntry) -> Int? {
            entry.node.mapping?["after"]?.mark?.line ?? entry.node.mark?.line
        }
        func path(_ entry: StepEntry, _ key: String) -> String {
            join(join("steps", entry.index), key)
        }

        // One unit per schedule, so the steps fall in the same order whatever day the schedule starts.
        if let first = steps.first {
            let unit = endsAfter?.unit ?? first.step.after.unit
            let source = endsAfter != nil ? "ends-after" : "steps[\(first.index)].after"
            for entry in steps where entry.step.after.unit != unit {
                reader.problem(
                    path(entry, "after"), line: afterLine(entry),
                    "this step counts in \(entry.step.after.unit.rawValue) but \(source) in \(unit.rawValue): one schedule counts in one unit, so its steps fall in the same order whatever day it starts"
                )
            }
        }

        if let endsAfter {
            for entry in steps
            where entry.step.after.unit == endsAfter.unit && entry.step.after.amount > endsAfter.amount {
                reader.problem(
                    path(entry, "after"), line: afterLine(entry),
                    "step '\(entry.step.name)' falls at \(entry.step.after) but the schedule ends after \(endsAfter): a step after its stop never happens"
                )
            }
        }

        var firstByName: [String: Int] = [:]
        for entry in steps {
            if let other = firstByName[entry.step.name] {
                reader.problem(
                    path(entry, "name"), line: entry.node.mapping?["name"]?.mark?.line,
                    "the step name '\(entry.step.name)' is used twice (also steps[\(other)]): each step needs its own name"
                )
            } else {
                firstByName[entry.step.name] = entry.index
            }
        }

        let ordered = steps.sorted { fallsBefore($0.step, $1.step) }
        var reminders: [(entry: StepEntry, number: Int, kind: ReminderKind)] = []
        var escalations: [(entry: StepEntry, level: EscalationLevel)] = []
        var dues: [StepEntry] = []
        for entry in ordered {
            switch entry.step.action {
            case .remind(let number, let kind): reminders.append((entry, number, kind))
            case .escalate(let level): escalations.append((entry, level))
            case .due: dues.append(entry)
            case .target, .requestErasure: break
            }
        }
        func reminderLine(_ entry: StepEntry) -> Int? {
            entry.node.mapping?["reminder-step"]?.mark?.line
        }
        let numbers = reminders.map(\.number)
        if Set(numbers).count != numbers.count {
            for (offset, reminder) in reminders.enumerated() where numbers[..<offset].contains(reminder.number) {
                reader.problem(
                    path(reminder.entry, "reminder-step"), line: reminderLine(reminder.entry),
                    "reminder-step \(reminder.number) is used twice: number reminders 1, 2, 3, … in the order they fall"
                )
            }
        } else if numbers.sorted() != Array(stride(from: 1, through: numbers.count, by: 1)) {
            let found = numbers.sorted().map(String.init).joined(separator: ", ")
            let expected = (1...numbers.count).map(String.init).joined(separator: ", ")
            let first = reminders.first { $0.number > numbers.count } ?? reminders[0]
            reader.problem(
                path(first.entry, "reminder-step"), line: reminderLine(first.entry),
                "reminder steps are numbered \(found): number them \(expected), without gaps")
        } else if numbers != numbers.sorted() {
            let first = reminders.enumerated().first { $0.element.number != $0.offset + 1 }!.element
            reader.problem(
                path(first.entry, "reminder-step"), line: reminderLine(first.entry),
                "reminder \(first.number) falls before reminders with lower numbers: number reminders in the order they fall"
            )
        }
        let finals = reminders.filter { $0.kind == .finalReminder }
        if finals.count > 1 {
            for final in finals.dropFirst() {
                reader.problem(
                    path(final.entry, "action"), entry: final.entry,
                    "there is already a final reminder (steps[\(finals[0].entry.index)]); a schedule has at most one")
            }
        } else if let final = finals.first, reminders.last?.entry.index != final.entry.index {
            reader.problem(
                path(final.entry, "action"), entry: final.entry, "the final reminder must be the last reminder to fall")
        }

        for (offset, escalation) in escalations.enumerated() {
            if escalations[..<offset].contains(where: { $0.level >= escalation.level }) {
                reader.problem(
                    path(escalation.entry, "level"), line: escalation.entry.node.mapping?["level"]?.mark?.line,
                    "escalation to \(escalation.level.rawValue) repeats or comes after a higher level: escalations rise, coordinator first, then designatedDoctorAndChair"
                )
            }
        }

        if let start, start.chasesAForm, dues.count != 1, !steps.isEmpty {
            let line: Int? = dues.count > 1 ? dues[1].node.mark?.line : steps[0].node.mark?.line
            let reason: String =
                dues.isEmpty
                ? "a schedule chasing a form needs one step with action 'due' (the date the form is due)"
                : "there are \(dues.count) steps with action 'due': a form has one due date"
            reader.problem("steps", line: line, reason)
        }
    }
}

extension YAMLReader {
    fileprivate func problem(_ keyPath: String, entry: StepEntry, _ reason: String) {
        problem(keyPath, line: entry.node.mapping?["action"]?.mark?.line ?? entry.node.mark?.line, reason)
    }
}
