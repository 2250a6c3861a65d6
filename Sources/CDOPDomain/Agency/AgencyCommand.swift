/// What an administrator or coordinator asks of the agency directory.
package enum AgencyCommand: Sendable {
    /// Add an agency (the shell supplies its id).
    case register(agencyID: AgencyID, name: String, kind: AgencyKind, contacts: [AgencyContact])
    /// Change its details (unchanged: nothing).
    case update(name: String, kind: AgencyKind, contacts: [AgencyContact])
    /// Retire it from the directory.
    case retire(reason: String)
}
