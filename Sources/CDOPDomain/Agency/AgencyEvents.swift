import Foundation

/// An agency was added to the directory.
package struct AgencyRegistered: EventPayload {
    package static let typeName = "agency.registered.v1"
    package var agencyID: AgencyID
    package var name: String
    package var kind: AgencyKind
    package var contacts: [AgencyContact]
    package var at: Date

    package var summary: String { "\(name) (\(kind.label)) added to the directory" }
}

/// An agency's name, kind or contacts changed.
package struct AgencyUpdated: EventPayload {
    package static let typeName = "agency.updated.v1"
    package var name: String
    package var kind: AgencyKind
    package var contacts: [AgencyContact]
    package var at: Date

    package var summary: String { "\(name) updated" }
}

/// An agency was retired from the directory (its history stays).
package struct AgencyRetired: EventPayload {
    package static let typeName = "agency.retired.v1"
    package var reason: String
    package var at: Date

    package var summary: String { "Agency retired: \(reason)" }
}
