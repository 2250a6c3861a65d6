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
    /// How many of a case's latest events its page shows.
    package static let latestOnPage = 500

    /// Every event of a case, oldest first, with its summary in a coordinator's words (schedule steps with the
    /// agency they concern, other cases by reference) and its actor; repeated link openings folded into one line.
    /// `latest`: only the latest that many events are read, after a first line saying how many earlier ones are
    /// not shown (a page stays cheap on a case with thousands of events, such as drafts saved).
    package static func entries(of caseID: CaseID, in store: EventStore, latest: Int? = nil) throws
        -> [TimelineEntry]
    {
        var first: Int64 = 1
        if let latest {
            first = max(1, try store.streamVersion(of: caseID.streamID) - Int64(latest) + 1)
        }
        let recorded = try store.readStream(caseID.streamID, fromVersion: first)
        let earlier = first > 1 ? [earlierEntry(count: first - 1, before: recorded.first)] : []
        return earlier + (try entries(recorded))
    }

    /// The line standing for the `count` earlier events a shortened timeline leaves out.
    static func earlierEntry(count: Int64, before event: RecordedEvent?) -> TimelineEntry {
        TimelineEntry(
            position: max(0, (event?.position ?? 1) - 1), at: event?.recordedAt ?? Date(timeIntervalSince1970: 0),
            type: "timeline.earlier",
            what: "\(count) earlier entries are not shown here: `cdop case show` and the API give the whole history.",
            who: "cdop", role: "system")
    }

    private static func entries(_ recorded: [RecordedEvent]) throws -> [TimelineEntry] {
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
