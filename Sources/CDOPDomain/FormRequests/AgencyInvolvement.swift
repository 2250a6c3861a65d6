/// An agency involved with the child, as recorded on the case: a snapshot of its directory entry and the
/// contact for this case.
package struct AgencyInvolvement: Hashable, Sendable, Codable {
    package var agencyID: AgencyID
    /// The agency's name when it was recorded (the directory may change later).
    package var agencyName: String
    package var kind: AgencyKind
    /// The person to contact about this child, when known.
    package var contactName: String?
    /// Their email, when known.
    package var contactEmail: String?

    package init(
        agencyID: AgencyID, agencyName: String, kind: AgencyKind, contactName: String? = nil,
        contactEmail: String? = nil
    ) {
        self.agencyID = agencyID
        self.agencyName = agencyName
        self.kind = kind
        self.contactName = contactName
        self.contactEmail = contactEmail
    }
}
