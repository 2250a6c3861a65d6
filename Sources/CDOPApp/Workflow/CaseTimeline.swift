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
    /// Every event of a case, oldest first, with its summary in a coordinator's words (schedule steps with the
    /// agency they concern, other cases by reference) and its actor; repeated link openings folded into one line.
    package static func entries(of caseID: CaseID, in store: EventStore) throws -> [TimelineEntry] {
        let recorded = try store.readStream(caseID.streamID)
        let events: [CaseEvent] = try recorded.map { try $0.decoded() }
        var agencies: [FormRequestID: String] = [:]
        for case .formRequested(let requested) in events { agencies[requested.requestID] = requested.agencyName }
        let entries = zip(recorded, events).map { recorded, event -> (entry: TimelineEntry, opened: FormRequestID?) in
            let metadata = try? CanonicalJSON.decode(EventMetadata.self, from: recorded.metadata)
            let entry = TimelineEntry(
                position: recorded.position, at: recorded.recordedAt, type: recorded.type,
                what: words(event, agencies: agencies) ?? event.summary, who: metadata?.actor ?? "unknown",
                role: metadata?.role ?? "unknown")
            if case .formOpened(let opened) = event { return (entry, opened.requestID) }
            return (entry, nil)
        }
        return foldingOpenings(entries)
    }
}
