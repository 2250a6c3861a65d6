import CDOPDomain
import CDOPStore
import GRDB

/// A reporting year's national-return stream as the read models keep it: the emails its reminders call for, in
/// the outbox.
package enum NationalReturnLogTables {
    package static let projection = FoldingProjection<NationalReturnLogDecider>(
        name: "national-return-log", streamPrefix: "national-return"
    ) { state, streamID, _, _, db in
        try OutboxTables.write(state.outboxEmails, streamID: streamID, caseID: nil, in: db)
    }
}
