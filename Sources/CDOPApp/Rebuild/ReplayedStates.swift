import CDOPDomain
import CDOPStore

/// The state of every stream of one share after a replay, folded event by event, with the version each
/// stream reached.
struct ReplayedStates: Sendable {
    var cases: [String: CaseState] = [:]
    var meetings: [String: MeetingState] = [:]
    var agencies: [String: AgencyState] = [:]
    var users: [String: UserState] = [:]
    var nationalReturnLogs: [String: NationalReturnLogState] = [:]
    var versions: [String: Int64] = [:]

    /// Decodes one stored event and folds it into its stream's state.
    mutating func apply(_ recorded: RecordedEvent) throws(EventCodecError) {
        let stream: String = recorded.streamID
        versions[stream] = recorded.streamVersion
        switch try ReplayedEvent.decoded(recorded) {
        case .caseEvent(let event): Self.step(CaseDecider.self, &cases, stream, event)
        case .meeting(let event): Self.step(MeetingDecider.self, &meetings, stream, event)
        case .agency(let event): Self.step(AgencyDecider.self, &agencies, stream, event)
        case .user(let event): Self.step(UserDecider.self, &users, stream, event)
        case .nationalReturnLog(let event): Self.step(NationalReturnLogDecider.self, &nationalReturnLogs, stream, event)
        case .other: break
        }
    }

    /// Evolves a stream's state where it lies in `states`: one lookup, and no copy of the state.
    private static func step<D: Decider>(
        _ decider: D.Type, _ states: inout [String: D.State], _ stream: String, _ event: D.Event
    ) {
        D.evolve(&states[stream, default: D.initialState], with: event)
    }
}
