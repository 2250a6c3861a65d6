import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// A stored event decoded into its aggregate's event type, for the rebuild's replay.
enum ReplayedEvent: Sendable {
    case caseEvent(CaseEvent)
    case meeting(MeetingEvent)
    case agency(AgencyEvent)
    case user(UserEvent)
    case nationalReturnLog(NationalReturnLogEvent)
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
        if stream.hasPrefix("national-return-") {
            let event: NationalReturnLogEvent = try recorded.decoded()
            return .nationalReturnLog(event)
        }
        return .other
    }
}
