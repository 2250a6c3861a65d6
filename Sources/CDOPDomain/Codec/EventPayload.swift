import CDOPJSON
import Foundation

/// The facts of one event type: Codable to canonical JSON under a stable versioned type name, with a
/// one-line summary for the case timeline.
package protocol EventPayload: Codable, Sendable, Equatable {
    /// The stable name stored with the event, e.g. "case.notificationReceived.v1" (never the Swift name).
    static var typeName: String { get }
    /// The version of this payload's shape.
    static var schemaVersion: Int { get }
    /// A coordinator-readable line, e.g. "Form B requested from Northgate Surgery, due 7 Dec 2026".
    var summary: String { get }
    /// The payload's canonical JSON: hand-written for the payloads that write their own (`CanonicalWritable`),
    /// found through the conformance rather than a cast of every event.
    func canonicalJSON() throws -> Data
}

extension EventPayload {
    package static var schemaVersion: Int { 1 }

    package func canonicalJSON() throws -> Data { try CanonicalJSON.encode(self) }
}

extension EventPayload where Self: CanonicalWritable {
    package func canonicalJSON() throws -> Data { try CanonicalJSON.write(self) }
}
