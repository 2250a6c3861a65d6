import CDOPDomain
import CDOPStore
import Foundation

/// Imports historic cases from a spreadsheet saved as CSV: each row becomes a case through the engine's own
/// commands (`HistoricRowCommands`).
///
/// All or nothing, by checking everything first: every row is read, the file is searched for a child or a
/// reference given twice, and every row that reads cleanly is decided against the database as it stands (in
/// a read transaction, never committed), so every problem of every row comes back at once. Only a file
/// without problems is written, in batches of `batchSize` rows, each one command in its own transaction, so
/// other work (a notification, the scheduler) goes on between them. A batch's command id is derived from the
/// file's bytes: a file imported twice is imported once, and a write stopped half-way (a crash, a full disk)
/// is finished by importing the same file again. No schedules start and no mail is written.
package struct HistoricImport: Sendable {
    package let workflow: CaseWorkflow
    package let panel: PanelConfiguration
    /// Rows written per transaction.
    package var batchSize = 500

    package init(workflow: CaseWorkflow, panel: PanelConfiguration, batchSize: Int = 500) {
        self.workflow = workflow
        self.panel = panel
        self.batchSize = max(1, batchSize)
    }

    /// What an import did.
    package struct Summary: Sendable, Equatable, Codable {
        package var cases: Int
        package var reviewed: Int
        package var events: Int
        /// Cases imported and flagged as possibly the same death as a case already recorded, for the
        /// coordinator to confirm or reject as any possible duplicate.
        package var possibleDuplicates: Int
        /// True when this file had been imported before: nothing new was written.
        package var alreadyImported: Bool
    }

    /// What the import is doing, for a progress line.
    package enum Phase: Sendable {
        case checking
        case writing
    }

    /// Imports `text` as `actor`; `progress` is told the phase, the rows done and the rows in all.
    package func run(
        _ text: String, by actor: Actor, progress: (Phase, Int, Int) -> Void = { _, _, _ in }
    ) throws(ImportError) -> Summary {
        let ids = ImportCommandIDs(text)
        if try isRecorded(ids.final) {
            return Summary(cases: 0, reviewed: 0, events: 0, possibleDuplicates: 0, alreadyImported: true)
        }
        let file = try HistoricFile(parsing: text, panel: panel)
        let batches = stride(from: 0, to: file.rows.count, by: batchSize).map {
            Array(file.rows[$0..<min($0 + batchSize, file.rows.count)])
        }
        var pending: [Int] = []
        for index in batches.indices where !(try isRecorded(ids.batch(index, of: batches.count))) {
            pending.append(index)
        }
        let commands = HistoricRowCommands(meetingID: ids.meeting(on:))
        var problems = file.problems + FileDuplicates.problems(in: file.rows)
        let checked = try ImportCheck(workflow: workflow, panel: panel, ids: ids, commands: commands)
            .run(pending.map { batches[$0] }) { done, total in progress(.checking, done, total) }
        problems += checked.problems
        if !problems.isEmpty {
            throw .invalidRows(
                problems.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }.map(
                    \.element))
        }
        return try write(
            batches, pending: pending, checked: checked, ids: ids, commands: commands, by: actor, progress: progress)
    }

    /// Whether a command of this import was recorded.
    private func isRecorded(_ commandID: UUID) throws(ImportError) -> Bool {
        do {
            return try workflow.handler.store.commandResults(for: commandID) != nil
        } catch {
            throw .failed(error.description)
        }
    }

    /// Writes the batches not yet written, one command each.
    ///
    /// While nothing but this import is written, what the check found for each row still holds and is not
    /// looked up again; once anything else is (a notification meanwhile), every row is looked up as it is written.
    private func write(
        _ batches: [[HistoricRow]], pending: [Int], checked: ImportCheck.Checked, ids: ImportCommandIDs,
        commands: HistoricRowCommands, by actor: Actor, progress: (Phase, Int, Int) -> Void
    ) throws(ImportError) -> Summary {
        /// The newest event while only this import has written since the check; nil for good once anything else was.
        var expectedPosition = checked.lastPosition
        var summary = Summary(cases: 0, reviewed: 0, events: 0, possibleDuplicates: 0, alreadyImported: false)
        let total = batches.reduce(0) { $0 + $1.count }
        var written = total - pending.reduce(0) { $0 + batches[$1].count }
        for index in pending {
            let batch = batches[index]
            var current: HistoricRow?
            do throws(CommandError) {
                let outcome = try workflow.handler.run(by: actor, commandID: ids.batch(index, of: batches.count)) {
                    session throws(CommandError) -> Int in
                    var flagged = 0
                    do {
                        if try expectedPosition != EventRows.lastPosition(in: session.db) { expectedPosition = nil }
                    } catch {
                        throw .store(.storage(code: -1, message: "position lookup failed"))
                    }
                    let unchanged = expectedPosition != nil
                    for row in batch {
                        current = row
                        let found = unchanged ? checked.found[row.line] : nil
                        if try commands.decide(row, as: ids.caseID(line: row.line), in: session, found: found) != nil {
                            flagged += 1
                        }
                    }
                    return flagged
                }
                summary.events += outcome.appended.reduce(0) { $0 + Int($1.lastPosition - $1.firstPosition + 1) }
                // Nothing else was written between the check and this batch only if this batch followed on.
                if expectedPosition != nil {
                    expectedPosition = outcome.wasRepeat ? nil : outcome.appended.map(\.lastPosition).max()
                }
                if let flagged = outcome.value {
                    summary.cases += batch.count
                    summary.reviewed += batch.filter { $0.review != nil }.count
                    summary.possibleDuplicates += flagged
                }
            } catch {
                let detail =
                    current.map { HistoricRowCommands.problem($0, error).description + "." } ?? error.description
                throw .stoppedWhileWriting(written: written, total: total, detail: detail)
            }
            written += batch.count
            progress(.writing, written, total)
        }
        return summary
    }
}
