import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// `cdop agency ...`: the directory of agencies and their lead contacts.
struct AgencyGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agency", abstract: "Keep the directory of agencies and their lead contacts.",
        subcommands: [
            AgencyAddCommand.self, AgencyListCommand.self, AgencyShowCommand.self, AgencyUpdateCommand.self,
            AgencyRetireCommand.self,
        ])
}

/// The contacts of an agency, as options: lead contacts receive form requests.
struct ContactOptions: ParsableArguments {
    @Option(
        name: .customLong("lead"),
        help: ArgumentHelp(
            "A lead contact, who receives form requests: \"Name <email>\" optionally followed by a role (repeatable).",
            valueName: "contact"),
        transform: Parse.lead)
    var leads: [AgencyContact] = []

    @Option(
        name: .customLong("contact"),
        help: ArgumentHelp(
            "Another contact, \"Name <email> role\" (repeatable); with no --lead, the first --contact is the lead.",
            valueName: "contact"),
        transform: Parse.contact)
    var others: [AgencyContact] = []

    var isEmpty: Bool { leads.isEmpty && others.isEmpty }

    /// The leads, then the others; with no lead, the first other contact is the lead.
    var contacts: [AgencyContact] {
        var otherContacts = others
        if leads.isEmpty, !otherContacts.isEmpty { otherContacts[0].isLead = true }
        return leads + otherContacts
    }
}

struct AgencyAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an agency to the directory; prints its id.",
        discussion: "Kinds: \(AgencyKind.valueList).")

    @OptionGroup var options: GlobalOptions

    @Option(help: "The agency's name, e.g. \"Northgate Surgery\".", transform: Parse.nonEmpty)
    var name: String

    @Option(help: "What kind of organisation it is: \(AgencyKind.valueList).")
    var kind: AgencyKind

    @OptionGroup var contacts: ContactOptions

    func validate() throws {
        if contacts.isEmpty { throw ValidationError("Give at least one --lead \"Name <email>\" (or --contact).") }
    }

    func run() throws {
        let engine = try options.engine()
        let agencyID = AgencyID(UUID())
        try engine.workflow.execute(
            .register(agencyID: agencyID, name: name, kind: kind, contacts: contacts.contacts), on: agencyID,
            by: options.actorForCommand)
        let state = try engine.workflow.agencyState(agencyID)
        options.print(
            CommandReport(
                message: "Agency \(state.name) (\(kind.label)) added: \(agencyID).", agencyId: agencyID.description))
    }
}

struct AgencyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the agencies in the directory.")

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Include retired agencies.")
    var all = false

    func run() throws {
        let engine = try options.engine()
        let rows = try engine.store.snapshot { db in try AgencyDirectory.all(in: db) }.filter { all || !$0.retired }
        if options.json {
            print(Output.json(rows))
            return
        }
        if rows.isEmpty {
            print("No agencies.")
            return
        }
        print(
            TextTable.render(
                header: ["agency", "name", "kind", "lead contact", "status"],
                rows: rows.map {
                    [
                        String($0.agencyID.prefix(8)), $0.name, $0.kind, $0.leadEmail ?? "-",
                        $0.retired ? "retired" : "active",
                    ]
                }))
    }
}

struct AgencyShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an agency and its contacts.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The agency: its id, an id prefix, or its exact name.")
    var agency: String

    func run() throws {
        let engine = try options.engine()
        let agencyID = try engine.resolveAgency(agency)
        let state = try engine.workflow.agencyState(agencyID)
        guard state.exists else { throw CommandError.notFound(kind: "agency", reference: agency) }
        if options.json {
            print(Output.json(AgencyView(agencyID, state)))
            return
        }
        print("Agency \(state.name)  (\(agencyID))")
        print("kind      \(state.kind.label)")
        if let retired = state.retiredAt {
            print("retired   \(DayFormatter.long(retired)): \(state.retirementReason ?? "")")
        }
        for contact in state.contacts {
            print(
                "\(contact.isLead ? "lead     " : "contact  ") \(contact.name) <\(contact.email)>\(contact.role.map { ", \($0)" } ?? "")"
            )
        }
    }
}

struct AgencyUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change an agency's name, kind or contacts (contacts given replace all the current ones).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The agency: its id, an id prefix, or its exact name.")
    var agency: String

    @Option(help: "The new name.", transform: Parse.nonEmpty)
    var name: String?

    @Option(help: "The new kind: \(AgencyKind.valueList).")
    var kind: AgencyKind?

    @OptionGroup var contacts: ContactOptions

    func run() throws {
        let engine = try options.engine()
        let agencyID = try engine.resolveAgency(agency)
        let state = try engine.workflow.agencyState(agencyID)
        let newKind = kind ?? state.kind
        let newContacts = contacts.isEmpty ? state.contacts : contacts.contacts
        let events = try engine.workflow.execute(
            .update(name: name ?? state.name, kind: newKind, contacts: newContacts), on: agencyID,
            by: options.actorForCommand)
        options.print(
            CommandReport(
                message: events.isEmpty
                    ? "Nothing changed: \(state.name) already has these details."
                    : "Agency \(name ?? state.name) updated (\(agencyID)).",
                changed: !events.isEmpty, agencyId: agencyID.description))
    }
}

struct AgencyRetireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire", abstract: "Retire an agency from the directory (its history stays).")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The agency: its id, an id prefix, or its exact name.")
    var agency: String

    @Option(help: "Why it is retired.", transform: Parse.nonEmpty)
    var reason: String

    func run() throws {
        let engine = try options.engine()
        let agencyID = try engine.resolveAgency(agency)
        try engine.workflow.execute(.retire(reason: reason), on: agencyID, by: options.actorForCommand)
        let state = try engine.workflow.agencyState(agencyID)
        options.print(
            CommandReport(message: "Agency \(state.name) retired (\(agencyID)).", agencyId: agencyID.description))
    }
}
