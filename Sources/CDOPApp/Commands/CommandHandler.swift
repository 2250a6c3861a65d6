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
    package let store: any EventDatabase
    package let clock: any AppClock
    package let panel: PanelConfiguration
    package var maxAttempts = 3
    /// Folded states shared with the read models' projections.
    package let cache: StateCache?
    /// States folded for pages and queries, at the last commit their snapshot saw. The commands' cache runs
    /// ahead of every snapshot while writes are in flight (a command leaves its state there before it
    /// commits), so a page reading a busy stream finds its starting point here instead.
    package let snapshotCache: StateCache?

    package init(store: any EventDatabase, clock: any AppClock, panel: PanelConfiguration, cache: StateCache? = nil) {
        self.store = store
        self.clock = clock
        self.panel = panel
        self.cache = cache
        self.snapshotCache = cache == nil ? nil : StateCache(capacity: 2_000)
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
        let metadata = Self.metadata(actor, commandID, correlationID)
        var attempt = 0
        while true {
            attempt += 1
            let context = DecisionContext(now: clock.now(), configuration: panel)
            do {
                return Self.counted(
                    try store.transaction { db in try runAttempt(body, commandID, metadata, context, in: db) })
            } catch {
                try Self.retryOrThrow(error, attempt: attempt, of: maxAttempts)
            }
        }
    }

    /// `run` for the web server: the command waits for the store's writer without holding one of Swift's few
    /// cooperative threads, so that many requests' writes can share one commit (group commit).
    @discardableResult
    package func runQueued<Value: Sendable>(
        by actor: Actor, commandID: UUID = UUID(), correlationID: UUID? = nil,
        _ body: @escaping @Sendable (CommandSession) throws(CommandError) -> Value
    ) async throws(CommandError) -> Outcome<Value> {
        let metadata = Self.metadata(actor, commandID, correlationID)
        var attempt = 0
        while true {
            attempt += 1
            let context = DecisionContext(now: clock.now(), configuration: panel)
            do {
                return Self.counted(
                    try await store.queuedTransaction { [self] db in
                        try runAttempt(body, commandID, metadata, context, in: db)
                    })
            } catch {
                try Self.retryOrThrow(error, attempt: attempt, of: maxAttempts)
            }
        }
    }

    /// One attempt, inside the write transaction: a repeated command id returns what it appended before; otherwise
    /// the body decides and its events are appended.
    private func runAttempt<Value>(
        _ body: (CommandSession) throws(CommandError) -> Value, _ commandID: UUID, _ metadata: Data,
        _ context: DecisionContext, in db: any SQLDatabase
    ) throws -> Outcome<Value> {
        if let previous = try store.commandResults(for: commandID, in: db) {
            return Outcome(value: nil, appended: previous)
        }
        let session = CommandSession(store: store, db: db, context: context, cache: cache)
        let value = try body(session)
        let appends = session.appends(metadata: metadata)
        let results =
            appends.isEmpty
            ? [] : try store.append(appends, commandID: commandID, recordedAt: context.now, in: db)
        return Outcome(value: value, appended: results)
    }

    private static func metadata(_ actor: Actor, _ commandID: UUID, _ correlationID: UUID?) -> Data {
        try! CanonicalJSON.encode(EventMetadata(actor: actor, commandID: commandID, correlationID: correlationID))
    }

    private static func counted<Value>(_ outcome: Outcome<Value>) -> Outcome<Value> {
        CommandMetrics.appended(outcome.appended)
        return outcome
    }

    /// Returns when a failed attempt should be tried again (its expected versions conflicted, and attempts are
    /// left); otherwise throws the command's error.
    private static func retryOrThrow(_ error: any Error, attempt: Int, of maxAttempts: Int) throws(CommandError) {
        switch error {
        case let error as CommandError:
            CommandMetrics.rejected(error)
            throw error
        case EventStoreError.wrongExpectedVersion(let stream, _, _):
            if attempt >= maxAttempts { throw .keptConflicting(stream: stream, attempts: attempt) }
        case let error as EventStoreError:
            throw .store(error)
        default:
            throw .store(.storage(code: -1, message: "\(type(of: error))"))
        }
    }
}

extension CommandHandler.Outcome: Sendable where Value: Sendable {}
