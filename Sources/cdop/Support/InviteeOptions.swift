import ArgumentParser
import CDOPDomain

/// The people a meeting is for, as options: each "Name <email> role", repeatable.
struct InviteeOptions: ParsableArguments {
    @Option(
        name: .customLong("invitee"),
        help: ArgumentHelp("Someone to invite, \"Name <email> role\" (repeatable).", valueName: "invitee"),
        transform: Parse.invitee)
    var people: [Invitee] = []

    /// Refuses the same address given twice.
    func refuseRepeats() throws {
        var emails: Set<String> = []
        for person in people where !emails.insert(person.email.lowercased()).inserted {
            throw ValidationError("--invitee: \(person.email) is given twice.")
        }
    }
}
