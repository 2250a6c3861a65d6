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

    /// Applies one recorded event to the state.
    static func evolve(_ state: State, _ event: Event) -> State
}

extension Decider {
    /// Folds events, in order, into the state they lead to.
    package static func fold<Events: Sequence>(_ events: Events, from state: State = initialState) -> State
    where Events.Element == Event {
        events.reduce(state, evolve)
    }
}
