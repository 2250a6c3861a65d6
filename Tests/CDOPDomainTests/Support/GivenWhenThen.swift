import Testing

@testable import CDOPDomain

/// Given some events, when a command is decided, then some events or a refusal: specifications over a decider.
struct Given<D: Decider> {
    let events: [D.Event]
    let context: DecisionContext

    init(_ decider: D.Type, _ events: [D.Event], context: DecisionContext = Sample.context) {
        self.events = events
        self.context = context
    }

    /// The state the given events fold to.
    var state: D.State { D.fold(events) }

    /// Decides the command against the given state.
    func when(_ command: D.Command, context: DecisionContext? = nil) -> Then<D> {
        let state = self.state
        do throws(DomainError) {
            let events = try D.decide(command, state: state, context: context ?? self.context)
            return Then(result: .success(events), before: state)
        } catch {
            return Then(result: .failure(error), before: state)
        }
    }
}

/// What a decision produced.
struct Then<D: Decider> {
    let result: Result<[D.Event], DomainError>
    let before: D.State

    /// The events, or nil when refused.
    var events: [D.Event]? { try? result.get() }
    /// The refusal, or nil when accepted.
    var error: DomainError? {
        if case .failure(let error) = result { error } else { nil }
    }
    /// The state after applying the events (the state before when refused).
    var state: D.State { D.fold(events ?? [], from: before) }

    /// Expects exactly these events.
    func then(_ expected: [D.Event], sourceLocation: SourceLocation = #_sourceLocation) {
        switch result {
        case .success(let events): #expect(events == expected, sourceLocation: sourceLocation)
        case .failure(let error): Issue.record("Refused \(error.code): \(error)", sourceLocation: sourceLocation)
        }
    }

    /// Expects a refusal with this code, and returns it for checks on its message.
    @discardableResult
    func thenRejected(_ code: String, sourceLocation: SourceLocation = #_sourceLocation) -> DomainError? {
        switch result {
        case .success(let events):
            Issue.record("Expected refusal \(code) but got \(events.count) event(s)", sourceLocation: sourceLocation)
            return nil
        case .failure(let error):
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            return error
        }
    }

    /// Expects acceptance and returns the events for finer checks.
    func thenAccepted(sourceLocation: SourceLocation = #_sourceLocation) -> [D.Event] {
        switch result {
        case .success(let events): return events
        case .failure(let error):
            Issue.record("Refused \(error.code): \(error)", sourceLocation: sourceLocation)
            return []
        }
    }
}

/// Runs commands one after another (each must be accepted) and returns all their events.
func history<D: Decider>(
    _ decider: D.Type, _ commands: [D.Command], context: DecisionContext = Sample.context,
    from initial: [D.Event] = []
) throws(DomainError) -> [D.Event] {
    var events = initial
    var state = D.fold(initial)
    for command in commands {
        let new = try D.decide(command, state: state, context: context)
        state = D.fold(new, from: state)
        events += new
    }
    return events
}
