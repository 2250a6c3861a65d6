import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import GRDB

extension CaseWorkflow {
    /// Puts a dead letter back in the outbox, clearing its attempts, in one transaction.
    package func requeueEmail(_ outboxID: String, by actor: Actor) throws(CommandError) {
        try handler.run(by: actor) { session throws(CommandError) in
            let row: OutboxRow?
            do {
                row = try OutboxQueries.row(outboxID, in: session.db)
            } catch {
                throw .store(.storage(code: -1, message: "outbox lookup failed"))
            }
            guard let row, let caseID = row.caseID.flatMap(CaseID.init) else {
                throw .notFound(kind: "case email", reference: outboxID)
            }
            try session.decideOnCase(caseID, .requeueEmail(outboxID: outboxID), schedules: schedules, links: links)
            do {
                try session.db.execute("DELETE FROM outbox_attempts WHERE outbox_id = ?", outboxID)
            } catch {
                throw .store(.storage(code: -1, message: "clearing the attempts failed"))
            }
        }
    }
}
