import CDOPStore
import Foundation
import GRDB

extension OutboxQueries {
    /// Every email of one form request of a case (`streamID`: the case's stream), oldest first (whatever its state).
    package static func forRequest(_ requestID: String, streamID: String, in db: any SQLDatabase) throws -> [OutboxRow]
    {
        try OutboxRow.opened(
            db.rows(
                """
                SELECT \(OutboxRow.columns) FROM outbox o LEFT JOIN outbox_attempts a ON a.outbox_id = o.outbox_id
                WHERE o.stream_id = ? AND o.request_id = ? ORDER BY o.created_at, o.outbox_id
                """, streamID, requestID), in: db)
    }
}
