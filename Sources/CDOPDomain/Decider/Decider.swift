/// An aggregate's rules as two pure functions: `decide` turns a command and the current state into new
/// facts (or a refusal), and `evolve` folds one fact into the state.
package protocol Decider {
    associatedtype Command: Sendable
    associatedtype Event: Sendable & Equatable
    associatedtype State: Sendable & Equatable

    /// The state of a stream with no events.
    static var initialState: State { get }

    /// Decides what happens when `command` meets `state`: the events to append, or a refusal.
    static func decide(_ command: Command, state: State, context: DecisionContext) throws(DomainError) -> [Event]

    /// Applies one recorded event to the state. The state is consumed, so a caller that hands over its only
    /// copy has it changed in place rather than copied (a replay folds a million events).
    static func evolve(_ state: consuming State, _ event: Event) -> State

    /// Applies one recorded event to a state where it lies (in a dictionary of states, say), changing it in
    /// place. The default goes through `evolve(_:_:)`; a decider with a large state implements it itself.
    static func evolve(_ state: inout State, with event: Event)
}

extension Decider {
    package static func evolve(_ state: inout State, with event: Event) {
        state = evolve(state, event)
    }
}

extension Decider {
    /// Folds events, in order, into the state they lead to.
    package static func fold<Events: Sequence>(_ events: Events, from state: State = initialState) -> State
    where Events.Element == Event {
        var current = state
        for event in events { current = evolve(consume current, event) }
        return current
    }
}
