import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import GRDB

/// Runs commands: load the streams, fold, decide, append with the expected versions, retry on a conflict.
///
/// The whole attempt runs inside one IMMEDIATE write transaction. That is stronger than the usual optimistic
/// loop: checks that span streams (is this death already notified?) read the read models under the same lock
/// that the append takes, so two notifications of one child cannot both miss each other. The expected
/// versions are still checked, as a guard, and a conflict is retried.
package struct CommandHandler: Sendable {
    package let store: EventStore
    package let clock: any AppClock
    package let panel: PanelConfiguration
    package var maxAttempts = 3
    /// Folded states shared with the read models' projections.
    package let cache: StateCache?

    package init(store: EventStore, clock: any AppClock, panel: PanelConfiguration, cache: StateCache? = nil) {
        self.store = store
        self.clock = clock
        self.panel = panel
        self.cache = cache
    }

    /// The outcome of a command: what the body returned, and where its events landed.
    package struct Outcome<Value> {
        /// What the body returned; nil when the command id had been handled before and nothing ran.
        package var value: Value?
        package var appended: [AppendResult]
        /// True when the command id had been handled before: nothing new was written.
        package var wasRepeat: Bool { value == nil }
    }

    /// Runs `body` as one command by `actor`; `commandID` makes a retry of the same request recognisable.
    @discardableResult
    package func run<Value>(
        by actor: Actor, commandID: UUID = UUID(), correlationID: UUID? = nil,
        _ body: (CommandSession) throws(CommandError) -> Value
    ) throws(CommandError) -> Outcome<Value> {
        let metadata = try! CanonicalJSON.encode(
            EventMetadata(actor: actor, commandID: commandID, correlationID: correlationID))
        var attempt = 0
        while true {
            attempt += 1
            let context = DecisionContext(now: clock.now(), configuration: panel)
            do {
                let outcome = try store.transaction { db -> Outcome<Value> in
                    if let previous = try store.commandResults(for: commandID, in: db) {
                        return Outcome(value: nil, appended: previous)
                    }
                    let session = CommandSession(store: store, db: db, context: context, cache: cache)
                    let value = try body(session)
                    let appends = session.appends(metadata: metadata)
                    let results = appends.isEmpty
                        ? [] : try store.append(appends, commandID: commandID, recordedAt: context.now, in: db)
                    return Outcome(value: value, appended: results)
                }
                CommandMetrics.appended(outcome.appended)
                return outcome
            } catch let error as CommandError {
                CommandMetrics.rejected(error)
                throw error
            } catch EventStoreError.wrongExpectedVersion(let stream, _, _) {
                if attempt >= maxAttempts { throw .keptConflicting(stream: stream, attempts: attempt) }
            } catch let error as EventStoreError {
                throw .store(error)
            } catch {
                throw .store(.storage(code: -1, message: "\(type(of: error))"))
            }
        }
    }
}
