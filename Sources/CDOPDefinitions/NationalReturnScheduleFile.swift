import CDOPDomain
import Yams

/// Reads the reminders before the national return is due (`Workflows/national-return.yaml`): a schedule that
/// counts back from the return's deadline rather than on from an event.
///
/// ```yaml
/// id: national-return
/// version: 1
/// title: Reminders before the national return is due
/// counts-back-from: national-return-deadline
/// steps:
///   - name: one-month-before
///     before: 30 calendar-days
///     to: [coordinator]
///     template: national-return-reminder
/// ```
enum NationalReturnScheduleFile {
    /// The key that marks a schedule counting back from a deadline.
    static let marker = "counts-back-from"
    static let keys = ["id", "version", "title", marker, "steps"]
    static let stepKeys = ["name", "before", "to", "template"]
    /// The deadlines a schedule can count back from.
    static let deadlines = ["national-return-deadline"]
    /// A reminder falls within the year before the deadline, while that year's return is the one due next.
    static let longest: [Offset.Unit: Int] = [.calendarDays: 364, .workingDays: 250]

    /// Whether `root` (a schedule file's document) counts back from a deadline.
    static func countsBack(_ root: Node) -> Bool {
        root.mapping?[marker] != nil
    }

    /// Reads the schedule; nil when it has problems (all of them recorded in `reader`).
    static func load(_ root: Node, stem: String, reader: YAMLReader) -> (NationalReturnReminderSchedule, [TemplateUse])?
    {
        let before = reader.problems.count
        guard let fields = reader.mapping(root, at: "", allowed: keys, required: keys) else { return nil }
        let id = reader.identifier(fields["id"], at: "id")
        if let id, id != stem {
            reader.problem(
                "id", fields["id"], "the id '\(id)' differs from the file's name '\(stem)': they must be the same")
        }
        let version = reader.int(fields["version"], at: "version", atLeast: 1)
        let title = reader.string(fields["title"], at: "title")
        if let deadline = reader.string(fields[marker], at: marker), !deadlines.contains(deadline) {
            reader.problem(
                marker, fields[marker],
                "unknown deadline '\(deadline)'" + YAMLReader.suggestion(deadline, among: deadlines)
                    + "; expected one of: " + deadlines.joined(separator: ", "))
        }
        var steps: [NationalReturnReminderSchedule.Step] = []
        var uses: [TemplateUse] = []
        var firstByName: [String: Int] = [:]
        if let list = reader.sequence(fields["steps"], at: "steps", what: "steps") {
            if list.isEmpty { reader.problem("steps", fields["steps"], "a schedule needs at least one step") }
            for (index, node) in list.enumerated() {
                let path = join("steps", index)
                guard let step = readStep(node, at: path, reader: reader) else { continue }
                if let other = firstByName[step.name] {
                    reader.problem(
                        join(path, "name"), node.mapping?["name"],
                        "the step name '\(step.name)' is used twice (also steps[\(other)]): each step needs its own name"
                    )
                } else {
                    firstByName[step.name] = index
                }
                if let unit = steps.first?.before.unit, unit != step.before.unit {
                    reader.problem(
                        join(path, "before"), node.mapping?["before"],
                        "this step counts in \(step.before.unit.rawValue) but steps[0] in \(unit.rawValue): one schedule counts in one unit"
                    )
                }
                steps.append(step)
                uses.append(
                    TemplateUse(
                        template: step.template, keyPath: join(path, "template"),
                        line: node.mapping?["template"]?.mark?.line))
            }
        }
        guard reader.problems.count == before, let id, let version, let title else { return nil }
        return (NationalReturnReminderSchedule(id: id, version: version, title: title, steps: steps), uses)
    }

    private static func readStep(_ node: Node, at path: String, reader: YAMLReader)
        -> NationalReturnReminderSchedule.Step?
    {
        let before = reader.problems.count
        guard let fields = reader.mapping(node, at: path, allowed: stepKeys, required: stepKeys) else { return nil }
        let name = reader.identifier(fields["name"], at: fields.path("name"))
        var offset: Offset?
        if let node = fields["before"], let read = ScheduleFile.offset(node, at: fields.path("before"), reader: reader)
        {
            if let longest = longest[read.unit] {
                if read.amount > longest {
                    reader.problem(
                        fields.path("before"), node,
                        "'\(read)' is too early: a reminder falls within the year before the return is due, at most \(Offset(longest, read.unit)) before it"
                    )
                } else {
                    offset = read
                }
            } else {
                reader.problem(
                    fields.path("before"), node,
                    "'\(read)' counts in \(read.unit.rawValue): a reminder before the return falls on a day within the year before it, so write calendar-days or working-days"
                )
            }
        }
        let recipients = ScheduleFile.readRecipients(fields, reader: reader)
        if let recipients, recipients.contains(.agencyContact) {
            reader.problem(
                fields.path("to"), fields["to"],
                "'agency-contact' cannot be told: a reminder before the national return goes to the panel's own staff")
        }
        let template = reader.identifier(fields["template"], at: fields.path("template"))
        if let template, !EmailTemplateFile.isAboutAYearsReturn(template) {
            reader.problem(
                fields.path("template"), fields["template"],
                "the template '\(template)' is not a reminder before the national return: name it national-return-… (e.g. national-return-reminder), so it is checked as one"
            )
        }
        guard reader.problems.count == before, let name, let offset, let recipients, let template else { return nil }
        return NationalReturnReminderSchedule.Step(name: name, before: offset, to: recipients, template: template)
    }
}

/// A template a schedule names, with where it names it (for the check against `Workflows/emails/`).
struct TemplateUse {
    var template: String
    var keyPath: String
    var line: Int?
}
