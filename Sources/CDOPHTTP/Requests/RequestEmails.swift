import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// The emails of one form request as the coordinator reads them: the subject the recipient saw (written again
/// from the template), whom it went to by role, when it was queued, and whether it was delivered.
struct RequestEmail: Encodable, Sendable {
    var subject: String
    var to: String
    var queued: String
    var state: String
    var outcome: String

    /// The request's emails from the outbox read model, with their outcomes from the case's record.
    static func list(_ caseID: CaseID, _ request: FormRequest, state: CaseState, services: WebServices) throws
        -> [RequestEmail]
    {
        let rows = try services.engine.store.snapshot { db in
            try OutboxQueries.forRequest(request.id.description, streamID: caseID.streamID, in: db)
        }
        let composer = services.engine.workflow.links.map {
            EmailComposer(
                templates: services.definitions.templates, configuration: services.engine.configuration, links: $0)
        }
        return rows.map { row in
            let subject = composer?.subject(of: row, state: state, now: row.createdAt) ?? row.template
            let outcome: String =
                switch state.emailOutcomes[row.outboxID] {
                case .sent(let at)?: "Delivered to the mail server \(DayFormatter.dayAndTime(at))"
                case .failed(let reason, let at)?: "Not delivered \(DayFormatter.dayAndTime(at)): \(reason)"
                case nil: row.state == "cancelled" ? "Not sent: no longer needed" : "Waiting to be sent"
                }
            return RequestEmail(
                subject: subject, to: row.recipientRole, queued: DayFormatter.dayAndTime(row.createdAt),
                state: row.state,
                outcome: outcome)
        }
    }
}
