import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// Every append runs the case projection's writes, and so does every stream of a rebuild: a lookup there that
/// scans a whole table makes both slower as the panel's history grows (quadratic over a rebuild).
@Suite("Read-model writes find their rows through an index")
struct ReadModelQueryPlanTests {
    @Test("Writing a case's rows never scans a whole table, even without the indexes only queries use")
    func caseWritesUseIndexes() throws {
        var fixture = try AppFixture()
        let caseID = try fixture.workflow.notify(fixture.notification(), by: fixture.coordinator).caseID
        let agency = try fixture.involveGP(in: caseID)
        try fixture.workflow.execute(
            .requestForm(
                requestID: FormRequestID(UUID()), agencyID: agency, formType: .reporting,
                contactEmail: "lead@gp.example.org",
                dueDate: CalendarDate(year: 2026, month: 6, day: 15)!, schedule: nil),
            on: caseID, by: fixture.coordinator)
        let state = try fixture.workflow.caseState(caseID)

        var configuration = Configuration()
        configuration.prepareDatabase { db in ReadModelSealing.register(in: db, protection: nil) }
        let queue = try DatabaseQueue(path: fixture.folder.path("plans.sqlite"), configuration: configuration)
        try queue.write { db in
            for migration in ReadModels.migrations { try migration.migrate(db) }
            // As in a rebuild's scratch database.
            for index in ReadModels.queryOnlyIndexes { try db.execute(sql: "DROP INDEX \(index)") }
        }
        let statements = Statements()
        try queue.write { db in
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event { statements.append(statement.sql) }
            }
            // Twice: the first writes new rows, the second finds them and changes nothing.
            for _ in 0..<2 {
                try CaseTables.write(state, version: 3, in: db)
                try TimerTables.write(state, in: db)
                try ReportFactTables.write(state, in: db)
                try OutboxTables.write(
                    state.outboxEmails, streamID: caseID.streamID, caseID: caseID.description, in: db)
            }
            db.trace(options: .statement, nil)
        }
        let lookups = Set(statements.all).filter { sql in
            let verb = sql.trimmingCharacters(in: .whitespacesAndNewlines).prefix(6).uppercased()
            return verb == "SELECT" || verb == "DELETE" || verb == "UPDATE"
        }
        #expect(!lookups.isEmpty)
        try queue.read { db in
            for sql in lookups {
                let nulls = Array(repeating: DatabaseValue.null, count: sql.filter { $0 == "?" }.count)
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(nulls))
                    .map { $0["detail"] as String }.joined(separator: "; ")
                #expect(!plan.isEmpty)
                // `SCAN CONSTANT ROW`: a token computed from its argument (`SELECT cdop_token(?)`), no table read.
                #expect(
                    !plan.replacingOccurrences(of: "SCAN CONSTANT ROW", with: "").contains("SCAN "), "\(sql) → \(plan)")
            }
        }
    }

    /// The statements a trace saw (the trace closure runs on the writer's thread).
    final class Statements: @unchecked Sendable {
        private let lock = NSLock()
        private var sqls: [String] = []
        func append(_ sql: String) { lock.withLock { sqls.append(sql) } }
        var all: [String] { lock.withLock { sqls } }
    }
}
