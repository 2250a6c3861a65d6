import CDOPDomain
import Foundation

/// Everything in a definitions folder's `Workflows/` and `Forms/`: the schedules, the working-day calendar, the email
/// templates and the form definitions, loaded and checked together. Nothing here changes while the server runs; a case records the
/// id and version of the schedule it started, and that schedule's planned times.
package struct DefinitionSet: Sendable {
    /// Schedules by id.
    package var schedules: [String: ScheduleDefinition]
    /// Calendars by name; `calendar` is the one schedules count working days with.
    package var calendars: [String: WorkingDayCalendar]
    /// The England and Wales bank-holiday calendar.
    package var calendar: WorkingDayCalendar
    /// Email templates by name (the file name without `.txt`).
    package var templates: [String: EmailTemplate]
    /// Each schedule's `ends-after`, when it has one.
    package var endsAfter: [String: Offset]
    /// The forms in `Forms/`: notification, reporting, supplementary, analysis, and archived versions.
    package var forms: FormCatalog
    /// The reminders before each year's national return is due (`Workflows/national-return.yaml`), if declared.
    package var nationalReturnReminders: NationalReturnReminderSchedule?

    package static let workflowsFolder = "Workflows"
    package static let calendarsFolder = "Workflows/calendars"
    package static let emailsFolder = "Workflows/emails"
    /// The calendar working days are counted with.
    package static let calendarName = "england-and-wales"

    /// The schedule that starts on `event`, if the panel has one (at most one schedule starts on each event).
    package func schedule(startingOn event: ScheduleDefinition.Start) -> ScheduleDefinition? {
        schedules.values.first { $0.start == event }
    }

    /// The schedule a started schedule recorded, if the folder still holds that id at that version.
    package func schedule(_ reference: ScheduleReference) -> ScheduleDefinition? {
        schedules[reference.id].flatMap { $0.version == reference.version ? $0 : nil }
    }

    package func template(_ name: String) -> EmailTemplate? {
        templates[name]
    }

    /// Loads `Workflows/` and `Forms/` from `folder` (the folder that holds it, `CDOP_DEFINITIONS`), naming every problem
    /// found in any file, or the definitions when there is none.
    package static func load(from folder: URL) -> Result<DefinitionSet, DefinitionProblems> {
        var log = ProblemLog()
        let files = FileManager.default
        let workflows = folder.appendingPathComponent(workflowsFolder)
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: workflows.path, isDirectory: &isFolder), isFolder.boolValue else {
            log.add(
                workflowsFolder, "",
                "there is no \(workflowsFolder) folder in \(folder.path): set CDOP_DEFINITIONS to the folder that holds it"
            )
            return .failure(DefinitionProblems(log.problems))
        }

        // Email templates.
        var templates: [String: EmailTemplate] = [:]
        for entry in listing(emailsFolder, in: folder, log: &log) {
            guard entry.hasSuffix(".txt") else {
                if entry != "README.md" {
                    log.add(
                        "\(emailsFolder)/\(entry)", "",
                        "not an email template: templates are .txt files (this one is ignored otherwise)")
                }
                continue
            }
            let name = String(entry.dropLast(4))
            let file = "\(emailsFolder)/\(entry)"
            guard YAMLReader.isKebabCase(name) else {
                log.add(
                    file, "",
                    "a template's name must be lower-case letters and digits joined by dashes, e.g. 'final-reminder.txt'"
                )
                continue
            }
            guard let text = read(file, in: folder, log: &log) else { continue }
            if let template = EmailTemplateFile.load(text, name: name, file: file, log: &log) {
                templates[name] = template
            }
        }
        for name in EmailTemplateFile.required
        where !(names(in: emailsFolder, of: folder) ?? []).contains("\(name).txt") {
            log.add("\(emailsFolder)/\(name).txt", "", "missing: the mail layer needs the '\(name)' template")
        }

        // Calendars.
        var calendars: [String: WorkingDayCalendar] = [:]
        for entry in listing(calendarsFolder, in: folder, log: &log) {
            let file = "\(calendarsFolder)/\(entry)"
            guard let stem = yamlStem(entry) else {
                if entry != "README.md" { log.add(file, "", "not a calendar: calendars are .yaml files") }
                continue
            }
            guard let text = read(file, in: folder, log: &log) else { continue }
            let reader = YAMLReader(file: file)
            if let calendar = CalendarFile.load(text, stem: stem, reader: reader) {
                calendars[calendar.name] = calendar
            }
            log.append(reader.problems)
        }
        if !(names(in: calendarsFolder, of: folder) ?? []).contains(where: { yamlStem($0) == calendarName }) {
            log.add(
                "\(calendarsFolder)/\(calendarName).yaml", "",
                "missing: working days are counted with the England and Wales bank holidays")
        }

        // Schedules.
        var loaded: [(file: String, schedule: LoadedSchedule)] = []
        var fileOfID: [String: String] = [:]
        var nationalReturnReminders: (schedule: NationalReturnReminderSchedule, file: String, uses: [TemplateUse])?
        for entry in listing(workflowsFolder, in: folder, log: &log) {
            let file = "\(workflowsFolder)/\(entry)"
            if ["calendars", "emails"].contains(entry) { continue }
            guard let stem = yamlStem(entry) else {
                var isFolder: ObjCBool = false
                _ = files.fileExists(atPath: folder.appendingPathComponent(file).path, isDirectory: &isFolder)
                if entry != "README.md" {
                    log.add(
                        file, "",
                        isFolder.boolValue
                            ? "an unexpected folder: Workflows/ holds schedules (.yaml), calendars/ and emails/"
                            : "not a schedule: schedules are .yaml files")
                }
                continue
            }
            guard let text = read(file, in: folder, log: &log) else { continue }
            let reader = YAMLReader(file: file)
            guard let root = reader.parse(text) else {
                log.append(reader.problems)
                continue
            }
            if NationalReturnScheduleFile.countsBack(root) {
                if let (schedule, uses) = NationalReturnScheduleFile.load(root, stem: stem, reader: reader) {
                    if let other = fileOfID[schedule.id] {
                        reader.problem("id", line: nil, "the id '\(schedule.id)' is also used by \(other)")
                    } else if let earlier = nationalReturnReminders {
                        reader.problem(
                            "counts-back-from", line: nil,
                            "\(earlier.file) also counts back from the national return's deadline: one schedule of reminders, so the coordinator is not reminded twice"
                        )
                    } else {
                        fileOfID[schedule.id] = file
                        nationalReturnReminders = (schedule, file, uses)
                    }
                }
            } else if let schedule = ScheduleFile.load(root, stem: stem, reader: reader) {
                if let other = fileOfID[schedule.definition.id] {
                    reader.problem("id", line: nil, "the id '\(schedule.definition.id)' is also used by \(other)")
                } else {
                    fileOfID[schedule.definition.id] = file
                    loaded.append((file, schedule))
                }
            }
            log.append(reader.problems)
        }

        // Across files: templates exist, one schedule per starting event.
        var fileOfStart: [ScheduleDefinition.Start: String] = [:]
        var uses = loaded.flatMap { loaded in loaded.schedule.templateUses.map { (loaded.file, $0) } }
        if let reminders = nationalReturnReminders { uses += reminders.uses.map { (reminders.file, $0) } }
        for (file, use) in uses where templates[use.template] == nil {
            let exists = (names(in: emailsFolder, of: folder) ?? []).contains("\(use.template).txt")
            log.add(
                file, use.keyPath, line: use.line,
                exists
                    ? "the template '\(use.template)' has problems of its own (see \(emailsFolder)/\(use.template).txt)"
                    : "unknown template '\(use.template)'"
                        + YAMLReader.suggestion(use.template, among: Array(templates.keys))
                        + ": there is no file \(emailsFolder)/\(use.template).txt")
        }
        for (file, schedule) in loaded {
            let start = schedule.definition.start
            if let other = fileOfStart[start] {
                log.add(
                    file, "starts-on",
                    "\(other) also starts on '\(start.rawValue)': one schedule per starting event, so a case never gets two sets of reminders"
                )
            } else {
                fileOfStart[start] = file
            }
        }

        // Forms.
        let forms = FormFolder.load(from: folder, log: &log)

        guard log.isEmpty, let calendar = calendars[calendarName], let forms else {
            return .failure(
                DefinitionProblems(log.problems.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }))
        }
        return .success(
            DefinitionSet(
                schedules: Dictionary(
                    uniqueKeysWithValues: loaded.map { ($0.schedule.definition.id, $0.schedule.definition) }),
                calendars: calendars,
                calendar: calendar,
                templates: templates,
                endsAfter: loaded.reduce(into: [:]) { $0[$1.schedule.definition.id] = $1.schedule.endsAfter },
                forms: forms,
                nationalReturnReminders: nationalReturnReminders?.schedule
            ))
    }

    /// The names in a folder (relative to the definitions folder), sorted, hidden files left out; a missing
    /// folder is a problem.
    static func listing(_ relative: String, in folder: URL, log: inout ProblemLog) -> [String] {
        guard let names = names(in: relative, of: folder) else {
            log.add(relative, "", "the folder is missing")
            return []
        }
        return names
    }

    static func names(in relative: String, of folder: URL) -> [String]? {
        let url = folder.appendingPathComponent(relative)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return nil }
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    static func read(_ file: String, in folder: URL, log: inout ProblemLog) -> String? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else {
            log.add(file, "", "cannot be read")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.add(file, "", "is not UTF-8 text")
            return nil
        }
        return text
    }

    static func yamlStem(_ name: String) -> String? {
        if name.hasSuffix(".yaml") { return String(name.dropLast(5)) }
        if name.hasSuffix(".yml") { return String(name.dropLast(4)) }
        return nil
    }
}

extension ProblemLog {
    mutating func append(_ more: [DefinitionProblem]) {
        for problem in more { add(problem.file, problem.keyPath, line: problem.line, problem.reason) }
    }
}
