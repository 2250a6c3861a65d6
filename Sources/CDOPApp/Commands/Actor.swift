import Foundation

/// Who is acting, recorded in every event's metadata (the "who" of the timeline).
package struct Actor: Sendable, Equatable, Codable {
    /// A user name or id; never a child's details.
    package var name: String
    /// The role they act in, e.g. "coordinator".
    package var role: String

    package init(name: String, role: String) {
        self.name = name
        self.role = role
    }

    /// The engine itself (timers, the mail dispatcher).
    package static let system = Actor(name: "cdop", role: "system")
}

/// What every event's metadata holds: who, and which command caused it.
package struct EventMetadata: Sendable, Equatable, Codable {
    package var actor: String
    package var role: String
    package var commandId: String
    package var correlationId: String
    package var causationId: String?

    package init(actor: Actor, commandID: UUID, correlationID: UUID? = nil, causationID: UUID? = nil) {
        self.actor = actor.name
        self.role = actor.role
        self.commandId = commandID.uuidString.lowercased()
        self.correlationId = (correlationID ?? commandID).uuidString.lowercased()
        self.causationId = causationID?.uuidString.lowercased()
    }
}
