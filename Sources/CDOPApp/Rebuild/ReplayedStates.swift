import CDOPDomain
import CDOPStore

/// Every stream's state after a replay, folded event by event, with the version each stream reached.
struct ReplayedStates: Sendable {
    var cases: [String: CaseState] = [:]
    var meetings: [String: MeetingState] = [:]
    var agencies: [String: AgencyState] = [:]
    var users: [String: UserState] = [:]
    var versions: [String: Int64] = [:]

    /// Folds a batch of stored events, `events[i]` being `batch[i]` decoded.
    mutating func fold(_ batch: [RecordedEvent], _ events: [ReplayedEvent]) {
        for index in batch.indices {
            let stream: String = batch[index].streamID
            versions[stream] = batch[index].streamVersion
            switch events[index] {
            case .caseEvent(let event):
                let state: CaseState = cases.removeValue(forKey: stream) ?? CaseDecider.initialState
                cases[stream] = CaseDecider.evolve(consume state, event)
            case .meeting(let event):
                let state: MeetingState = meetings.removeValue(forKey: stream) ?? MeetingDecider.initialState
                meetings[stream] = MeetingDecider.evolve(consume state, event)
            case .agency(let event):
                let state: AgencyState = agencies.removeValue(forKey: stream) ?? AgencyDecider.initialState
                agencies[stream] = AgencyDecider.evolve(consume state, event)
            case .user(let event):
                let state: UserState = users.removeValue(forKey: stream) ?? UserDecider.initialState
                users[stream] = UserDecider.evolve(consume state, event)
            case .other: break
            }
        }
    }
}
