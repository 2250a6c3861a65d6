import CDOPDomain
import Yams

/// A step of a form's chasing written against the due date rather than the request: "3 working-days before
/// due", "on due", "7 calendar-days after due". Every step of a form schedule is planned from the due date the
/// coordinator sets (the `due` step's `after` is only the default due date); these words say so directly.
struct DueDistance: Equatable {
    /// Signed: negative before the due date.
    var amount: Int
    /// Nil for "on due": the unit of the due step.
    var unit: Offset.Unit?

    /// Reads "N UNIT before due", "N UNIT after due", "on due" or "on the due date"; nil for anything else.
    init?(text: String) {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        if words == ["on", "due"] || words == ["on", "the", "due", "date"] {
            self.init(amount: 0, unit: nil)
            return
        }
        guard words.count >= 4, words.last == "due", ["before", "after"].contains(words[words.count - 2]),
            let offset = Offset(text: words.dropLast(2).joined(separator: " "))
        else { return nil }
        self.init(amount: words[words.count - 2] == "before" ? -offset.amount : offset.amount, unit: offset.unit)
    }

    init(amount: Int, unit: Offset.Unit?) {
        self.amount = amount
        self.unit = unit
    }
}

extension ScheduleFile {
    /// Gives each step written against the due date its offset from the request, from the `due` step's
    /// (which must count from the request); problems for a schedule with no due date or a step falling before
    /// the request.
    static func resolveDueDistances(_ steps: inout [StepEntry], start: ScheduleDefinition.Start?, reader: YAMLReader) {
        guard steps.contains(where: { $0.fromDue != nil }) else { return }
        func line(_ entry: StepEntry) -> Int? { entry.node.mapping?["after"]?.mark?.line ?? entry.node.mark?.line }
        func path(_ entry: StepEntry) -> String { join(join("steps", entry.index), "after") }
        let due = steps.first { $0.step.action == .due && $0.fromDue == nil }
        for index in steps.indices {
            guard let distance = steps[index].fromDue else { continue }
            let entry = steps[index]
            guard let start, start.chasesAForm, let due else {
                reader.problem(
                    path(entry), line: line(entry),
                    entry.step.action == .due
                        ? "the due step itself counts from the request, as in '14 calendar-days': it is the default due date"
                        : "only a schedule chasing a form, with a due step counted from the request, has a due date to count from"
                )
                continue
            }
            let unit = distance.unit ?? due.step.after.unit
            guard unit == due.step.after.unit else {
                reader.problem(
                    path(entry), line: line(entry),
                    "this step counts in \(unit.rawValue) but the due step in \(due.step.after.unit.rawValue): one schedule counts in one unit"
                )
                continue
            }
            let amount = due.step.after.amount + distance.amount
            guard amount >= 0 else {
                reader.problem(
                    path(entry), line: line(entry),
                    "this step falls before the form is requested: the default due date is \(due.step.after) after the request, so a step can fall at most \(due.step.after) before due"
                )
                continue
            }
            steps[index].step.after = Offset(amount, unit)
            steps[index].fromDue = nil
        }
    }
}
