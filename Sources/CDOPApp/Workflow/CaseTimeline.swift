import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// One line of a case's history: what happened, when, and who did it.
package struct TimelineEntry: Sendable, Equatable, Codable {
    package var position: Int64
    package var at: Date
    package var type: String
    package var what: String
    package var who: String
    package var role: String
}

/// Reads a stream's history for people.
package enum CaseTimeline {
    /// Every event of a case, oldest first, with its summary and actor.
    package static func entries(of caseID: CaseID, in store: EventStore) throws -> [TimelineEntry] {
        try store.readStream(caseID.streamID).map { recorded in
            let event: CaseEvent = try recorded.decoded()
            let metadata = try? CanonicalJSON.decode(EventMetadata.self, from: recorded.metadata)
            return TimelineEntry(
                position: recorded.position, at: recorded.recordedAt, type: recorded.type, what: event.summary,
                who: metadata?.actor ?? "unknown", role: metadata?.role ?? "unknown")
        }
    }
}
