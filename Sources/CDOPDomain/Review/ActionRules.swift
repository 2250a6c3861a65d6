import Foundation

/// The rules an action is agreed and completed by, whether it is a case's recommendation (after the panel's review)
/// or an action agreed at a meeting.
enum ActionRules {
    /// What an agreed action must have: a reference not yet used, a description, an owner and a due date.
    struct Agreed {
        var text: String
        var owner: String
        var dueDate: CalendarDate
    }

    /// Checks a new action against those already agreed, and gives its trimmed text, owner and due date.
    static func agree(
        _ id: ActionID, text: String, owner: String, dueDate: CalendarDate?, existing: [ActionID]
    ) throws(DomainError) -> Agreed {
        guard !existing.contains(id) else {
            throw DomainError(code: "action.duplicateID", "An action with the reference \(id) already exists.")
        }
        let text = try TextField.required(text, field: "action", code: "action.textMissing")
        let owner = try TextField.required(owner, field: "action's owner", code: "action.ownerMissing")
        guard let dueDate else {
            throw DomainError(code: "action.dueDateMissing", "The action \"\(text)\" needs a due date.")
        }
        return Agreed(text: text, owner: owner, dueDate: dueDate)
    }

    /// Checks the completion of an action (found by its reference, or nil) and gives the completion's note.
    /// - Parameter place: where the action was looked for, in words ("on this case", "from this meeting").
    static func complete(
        _ id: ActionID, found action: (text: String, completedOn: CalendarDate?)?, place: String,
        on completedOn: CalendarDate, note: String, today: CalendarDate
    ) throws(DomainError) -> String {
        guard let action else {
            throw DomainError(code: "action.notFound", "There is no action \(id) \(place).")
        }
        if let done = action.completedOn {
            throw DomainError(
                code: "action.alreadyCompleted",
                "The action \"\(action.text)\" was already completed on \(DayFormatter.long(done)).")
        }
        guard completedOn <= today else {
            throw .dateInFuture(field: "completion date", date: completedOn, today: today)
        }
        return TextField.optional(note) ?? ""
    }
}
