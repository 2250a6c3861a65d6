import CDOPDomain
import CDOPMail
import CDOPProjections
import Foundation

extension EmailComposer {
    /// The subject an outbox email of the case carries (written again from its template), or nil when it
    /// cannot be written.
    package func subject(of row: OutboxRow, state: CaseState, now: Date) -> String? {
        try? compose(row, state: state, now: now).subject
    }
}
