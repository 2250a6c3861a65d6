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
    /// On a line standing for entries left out of a shortened timeline: the stream version the shown entries
    /// start at (`earlier`) or end at (`later`), so a page can offer to show the entries beyond.
    package var earlierBefore: Int64?
    package var laterAfter: Int64?
}

/// Reads a stream's history for people.
package enum CaseTimeline {
    /// How many of a case's latest events its page shows.
    package static let latestOnPage = 500

    /// Every event of a case, oldest first, with its summary in a coordinator's words (schedule steps with the
    /// agency they concern, other cases by reference) and its actor; repeated link openings folded into one line.
    /// `latest`: only the latest that many events are read (those before stream version `before`, when given),
    /// between lines saying how many earlier and later ones are not shown (a page stays cheap on a case with
    /// thousands of events, such as drafts saved, and pages back through them).
    package static func entries(
        of caseID: CaseID, in store: any EventDatabase, latest: Int? = nil, before: Int64? = nil
    )
        throws -> [TimelineEntry]
    {
        let version = try store.streamVersion(of: caseID.streamID)
        let last = before.map { min(version, max(0, $0 - 1)) } ?? version
        let first = latest.map { max(1, last - Int64($0) + 1) } ?? 1
        guard last >= first else { return [] }
        let recorded = try store.readStream(caseID.streamID, fromVersion: first, throughVersion: last)
        let earlier = first > 1 ? [leftOut(first - 1, earlier: true, bound: first, beside: recorded.first)] : []
        let later = last < version ? [leftOut(version - last, earlier: false, bound: last, beside: recorded.last)] : []
        return earlier + (try entries(recorded)) + later
    }

    /// The line standing for the `count` events a shortened timeline leaves out, earlier than stream version
    /// `bound` (the first shown) or later than it (the last shown), dated by the shown event beside it.
    static func leftOut(_ count: Int64, earlier: Bool, bound: Int64, beside event: RecordedEvent?) -> TimelineEntry {
        TimelineEntry(
            position: event?.position ?? 0, at: event?.recordedAt ?? Date(timeIntervalSince1970: 0),
            type: earlier ? "timeline.earlier" : "timeline.later",
            what:
                "\(count) \(earlier ? "earlier" : "later") \(count == 1 ? "entry is" : "entries are") not shown here.",
            who: "cdop", role: "system", earlierBefore: earlier ? bound : nil, laterAfter: earlier ? nil : bound)
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
