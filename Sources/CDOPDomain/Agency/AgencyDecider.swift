/// The rules of the agency directory (stream `agency-<uuid>`): every agency has a name and a lead contact
/// with a valid email.
package enum AgencyDecider: Decider {
    package static let initialState = AgencyState()

    /// Decides a directory command: register once, update while active, retire once.
    package static func decide(
        _ command: AgencyCommand, state: AgencyState, context: DecisionContext
    ) throws(DomainError) -> [AgencyEvent] {
        switch command {
        case .register(let id, let name, let kind, let contacts):
            guard !state.exists else {
                throw DomainError(code: "agency.alreadyExists", "An agency with the reference \(id) already exists.")
            }
            let name = try TextField.required(name, field: "agency name", code: "agency.nameMissing")
            let contacts = try validated(contacts, agency: name)
            return [
                .registered(AgencyRegistered(agencyID: id, name: name, kind: kind, contacts: contacts, at: context.now))
            ]
        case .update(let name, let kind, let contacts):
            try requireActive(state)
            let name = try TextField.required(name, field: "agency name", code: "agency.nameMissing")
            let contacts = try validated(contacts, agency: name)
            if name == state.name && kind == state.kind && contacts == state.contacts { return [] }
            return [.updated(AgencyUpdated(name: name, kind: kind, contacts: contacts, at: context.now))]
        case .retire(let reason):
            try requireActive(state)
            guard let reason = TextField.optional(reason) else { throw .reasonMissing("retire an agency") }
            return [.retired(AgencyRetired(reason: reason, at: context.now))]
        }
    }

    /// Refuses unless the agency exists and is not retired.
    static func requireActive(_ state: AgencyState) throws(DomainError) {
        guard state.exists else {
            throw DomainError(code: "agency.notFound", "There is no agency with this reference in the directory.")
        }
        if let retired = state.retiredAt {
            throw DomainError(
                code: "agency.retired", "\(state.name) was retired from the directory on \(DayFormatter.long(retired))."
            )
        }
    }

    /// Contacts with names that can be mailed and valid, distinct emails, at least one of them a lead.
    static func validated(_ contacts: [AgencyContact], agency: String) throws(DomainError) -> [AgencyContact] {
        var seen: Set<String> = []
        var clean: [AgencyContact] = []
        for contact in contacts {
            let name = try DisplayName.validated(
                contact.name, field: "contact's name", missingCode: "agency.contactNameMissing")
            let email = try EmailAddress.validated(contact.email, field: "email of \(name)")
            guard seen.insert(email.lowercased()).inserted else {
                throw DomainError(code: "agency.duplicateContact", "The email \(email) is listed twice for \(agency).")
            }
            clean.append(
                AgencyContact(
                    name: name, role: TextField.optional(contact.role), email: email,
                    phone: TextField.optional(contact.phone), isLead: contact.isLead))
        }
        guard clean.contains(where: \.isLead) else {
            throw DomainError(
                code: "agency.leadContactMissing", "\(agency) needs at least one lead contact with an email address.")
        }
        return clean
    }

    /// Applies one directory event to the entry.
    package static func evolve(_ state: consuming AgencyState, _ event: AgencyEvent) -> AgencyState {
        var s = consume state
        switch event {
        case .registered(let e):
            s.agencyID = e.agencyID
            s.name = e.name
            s.kind = e.kind
            s.contacts = e.contacts
        case .updated(let e):
            s.name = e.name
            s.kind = e.kind
            s.contacts = e.contacts
        case .retired(let e):
            s.retiredAt = e.at
            s.retirementReason = e.reason
        }
        return s
    }
}
