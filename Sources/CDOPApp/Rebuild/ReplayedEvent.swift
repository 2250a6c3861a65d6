import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import Synchronization

/// A stored event decoded into its aggregate's event type, for the rebuild's replay.
enum ReplayedEvent: Sendable {
    case caseEvent(CaseEvent)
    case meeting(MeetingEvent)
    case agency(AgencyEvent)
    case user(UserEvent)
    case other

    /// The event of `recorded`, by its stream's kind.
    static func decoded(_ recorded: RecordedEvent) throws(EventCodecError) -> ReplayedEvent {
        let stream = recorded.streamID
        if stream.hasPrefix("case-") {
            let event: CaseEvent = try recorded.decoded()
            return .caseEvent(event)
        }
        if stream.hasPrefix("meeting-") {
            let event: MeetingEvent = try recorded.decoded()
            return .meeting(event)
        }
        if stream.hasPrefix("agency-") {
            let event: AgencyEvent = try recorded.decoded()
            return .agency(event)
        }
        if stream.hasPrefix(UserIdentity.streamPrefix + "-") {
            let event: UserEvent = try recorded.decoded()
            return .user(event)
        }
        return .other
    }

    /// The events of `batch[range]`, or the first failure.
    static func decoded(_ batch: [RecordedEvent], _ range: Range<Int>) -> Result<[ReplayedEvent], EventCodecError> {
        var events: [ReplayedEvent] = []
        events.reserveCapacity(range.count)
        for index in range {
            do {
                events.append(try decoded(batch[index]))
            } catch {
                return .failure(error)
            }
        }
        return .success(events)
    }

    /// The events of a batch decoded on every core (decoding JSON is most of a replay's work), in order.
    static func decodeAll(_ batch: [RecordedEvent]) throws(EventCodecError) -> [ReplayedEvent] {
        // Four chunks a core: a core whose chunk held cheaper events takes another rather than sitting idle.
        let chunks: Int = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, batch.count / 250))
        let size: Int = (batch.count + chunks - 1) / chunks
        let results = Mutex<[Int: Result<[ReplayedEvent], EventCodecError>]>([:])
        DispatchQueue.concurrentPerform(iterations: chunks) { (chunk: Int) in
            let lower: Int = min(chunk * size, batch.count)
            let upper: Int = min(lower + size, batch.count)
            let result = decoded(batch, lower..<upper)
            results.withLock { $0[chunk] = result }
        }
        let byChunk: [Int: Result<[ReplayedEvent], EventCodecError>] = results.withLock { $0 }
        var events: [ReplayedEvent] = []
        events.reserveCapacity(batch.count)
        for chunk in 0..<chunks {
            switch byChunk[chunk] {
            case .success(let part)?: events += part
            case .failure(let error)?: throw error
            case nil: break
            }
        }
        return events
    }

    /// A batch being decoded in the background (on every core), so that reading and folding go on meanwhile.
    final class Decoding: @unchecked Sendable {
        let batch: [RecordedEvent]
        private let finished = DispatchSemaphore(value: 0)
        // Written once by the background work before `finished` is signalled; read only after waiting on it.
        private var result: Result<[ReplayedEvent], EventCodecError> = .success([])

        init(_ batch: [RecordedEvent]) {
            self.batch = batch
            DispatchQueue.global().async { [self] in
                do throws(EventCodecError) {
                    result = .success(try ReplayedEvent.decodeAll(batch))
                } catch {
                    result = .failure(error)
                }
                finished.signal()
            }
        }

        /// The decoded events, waiting for them if need be; or the first event that could not be decoded.
        func events() throws(EventCodecError) -> [ReplayedEvent] {
            finished.wait()
            return try result.get()
        }
    }
}
