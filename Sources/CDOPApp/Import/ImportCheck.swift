import CDOPDomain
import CDOPStore
import Dispatch
import Synchronization

/// The check of an import before anything is written: every row that reads cleanly is decided against the
/// database as it stands, as it will be written, in read transactions that write nothing. No row's rules
/// depend on another row's (a child or a reference given twice is found beforehand, by `FileDuplicates`), so
/// the rows are checked in two halves at once, one a core.
struct ImportCheck: Sendable {
    let workflow: CaseWorkflow
    let panel: PanelConfiguration
    let ids: ImportCommandIDs
    let commands: HistoricRowCommands

    /// What the check found: every rule problem, what each clean row found, and the newest event it saw
    /// (nil when the halves saw different ones: then nothing found is used when writing).
    struct Checked: Sendable {
        var problems: [ImportProblem] = []
        var found: [Int: HistoricRowCommands.Found] = [:]
        var lastPosition: Int64?
    }

    /// Checks `batches`; `progress` is told the rows checked and the rows in all.
    func run(_ batches: [[HistoricRow]], progress: (Int, Int) -> Void) throws(ImportError) -> Checked {
        let total = batches.reduce(0) { $0 + $1.count }
        let middle = batches.count / 2
        let (first, second) = (Array(batches[..<middle]), Array(batches[middle...]))
        let counter = Counter()
        let other = Outcome()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            other.result.withLock { $0 = check(first) { _ = counter.add() } }
        }
        let mine = check(second) { progress(counter.add(), total) }
        group.wait()
        guard let theirs = other.result.withLock({ $0 }) else { throw .failed("the check did not finish") }
        var checked = try theirs.get()
        let own = try mine.get()
        checked.problems += own.problems
        checked.found.merge(own.found) { first, _ in first }
        checked.lastPosition = checked.lastPosition == own.lastPosition ? own.lastPosition : nil
        return checked
    }

    /// Decides `batches`' rows in one read transaction, a session a batch (as they will be written: the states
    /// a session holds stay few).
    private func check(_ batches: [[HistoricRow]], onRow: () -> Void) -> Result<Checked, ImportError> {
        let handler = workflow.handler
        let context = DecisionContext(now: handler.clock.now(), configuration: panel)
        var checked = Checked()
        var failure: CommandError?
        do {
            try handler.store.snapshot { db in
                checked.lastPosition = try EventRows.lastPosition(in: db)
                for batch in batches {
                    let session = CommandSession(
                        store: handler.store, db: db, context: context, cache: handler.cache, records: false)
                    for row in batch {
                        do throws(CommandError) {
                            let duplicateOf = try commands.decide(row, as: ids.caseID(line: row.line), in: session)
                            checked.found[row.line] = HistoricRowCommands.Found(duplicateOf: duplicateOf)
                        } catch {
                            switch error {
                            case .rejected, .notFound: checked.problems.append(HistoricRowCommands.problem(row, error))
                            default:
                                failure = error
                                return
                            }
                        }
                        onRow()
                    }
                }
            }
        } catch {
            return .failure(.failed(error.description))
        }
        if let failure { return .failure(.failed(failure.description)) }
        return .success(checked)
    }

    /// Rows checked by both halves.
    private final class Counter: Sendable {
        private let done = Atomic<Int>(0)
        func add() -> Int { done.add(1, ordering: .relaxed).newValue }
    }

    /// The other half's result.
    private final class Outcome: Sendable {
        let result = Mutex<Result<Checked, ImportError>?>(nil)
    }
}
