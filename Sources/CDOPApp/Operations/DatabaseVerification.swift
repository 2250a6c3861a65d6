import CDOPStore
import Foundation

/// Checks a database the way a restore depends on: the engine's own integrity (SQLite's check of the file;
/// PostgreSQL's append-only triggers on the log), event positions and stream versions without gaps, every read
/// model equal to a rebuild from the events, and the outbox consistent with them.
package struct DatabaseVerification: Sendable {
    package let store: any EventDatabase
    /// Where a rebuild's scratch files go (`ReadModelRebuild.scratchBeside`).
    package let scratchBeside: String?

    package init(store: any EventDatabase, scratchBeside: String? = nil) {
        self.store = store
        self.scratchBeside = scratchBeside
    }

    /// One check, passed or failed, with what was found (counts and ids, never personal data).
    package struct Check: Sendable, Equatable, Codable {
        package var name: String
        package var passed: Bool
        package var detail: String
    }

    package struct Report: Sendable, Equatable, Codable {
        package var events: Int
        package var checks: [Check]
        package var passed: Bool { checks.allSatisfy(\.passed) }
        package var failures: [String] { checks.filter { !$0.passed }.map { "\($0.name): \($0.detail)" } }
    }

    package func run() throws -> Report {
        var checks: [Check] = []
        let facts = try store.snapshot { db in
            checks.append(try Self.integrity(db))
            checks.append(try Self.positions(db))
            checks.append(try Self.streamVersions(db))
            checks.append(try Self.outboxAttempts(db))
            checks.append(try Self.checkpoints(db))
            return try db.value(Int.self, "SELECT COUNT(*) FROM events") ?? 0
        }
        let rebuild = try ReadModelRebuild(store: store, scratchBeside: scratchBeside).run()
        checks.append(
            Check(
                name: "read models equal a rebuild from the events", passed: rebuild.isClean,
                detail: rebuild.isClean
                    ? "\(ReadModelRebuild.tables.count) tables match, \(rebuild.streams) streams"
                    : rebuild.differences.map {
                        "\($0.table) (\($0.onlyLive) live, \($0.onlyRebuilt) rebuilt rows differ)"
                    }
                    .joined(separator: ", ")))
        return Report(events: facts, checks: checks)
    }

    static func integrity(_ db: any SQLDatabase) throws -> Check {
        guard db.engine == .postgres else {
            let result = try db.values(String.self, "PRAGMA integrity_check")
            return Check(
                name: "SQLite integrity", passed: result == ["ok"], detail: result.prefix(3).joined(separator: "; "))
        }
        let guards = try db.values(
            String.self,
            """
            SELECT tgname FROM pg_trigger WHERE tgrelid = 'events'::regclass AND tgenabled <> 'D'
            AND tgname IN ('events_are_never_changed', 'events_are_never_truncated') ORDER BY tgname
            """)
        return Check(
            name: "events table append-only", passed: guards.count == 2,
            detail: guards.count == 2
                ? "UPDATE, DELETE and TRUNCATE refused by trigger"
                : "triggers in place: \(guards.isEmpty ? "none" : guards.joined(separator: ", "))")
    }

    /// Positions run 1, 2, 3 … with no gap: one writer, no deletes.
    static func positions(_ db: any SQLDatabase) throws -> Check {
        let row = try db.row("SELECT COUNT(*), COALESCE(MIN(position), 1), COALESCE(MAX(position), 0) FROM events")
        let count: Int64 = row?[0] ?? 0
        let first: Int64 = row?[1] ?? 1
        let last: Int64 = row?[2] ?? 0
        guard first == 1 || count == 0, last == count else {
            let gaps = try db.values(
                Int64.self,
                """
                SELECT position + 1 FROM events e
                WHERE position < ? AND NOT EXISTS (SELECT 1 FROM events n WHERE n.position = e.position + 1) LIMIT 5
                """, last)
            let missing = first > 1 ? [1] + gaps : gaps
            return Check(
                name: "event positions without gaps", passed: false,
                detail:
                    "\(count) events but positions \(first)…\(last); first missing: \(missing.map(String.init).joined(separator: ", "))"
            )
        }
        return Check(name: "event positions without gaps", passed: true, detail: "1…\(last)")
    }

    /// Each stream's versions run 1, 2, 3 ….
    static func streamVersions(_ db: any SQLDatabase) throws -> Check {
        let broken = try db.values(
            String.self,
            """
            SELECT stream_id FROM events GROUP BY stream_id
            HAVING COUNT(*) != MAX(stream_version) OR MIN(stream_version) != 1 LIMIT 5
            """)
        let streams = try db.value(Int.self, "SELECT COUNT(DISTINCT stream_id) FROM events") ?? 0
        return Check(
            name: "stream versions without gaps", passed: broken.isEmpty,
            detail: broken.isEmpty ? "\(streams) streams" : "gaps in \(broken.joined(separator: ", "))")
    }

    /// The dispatcher's attempt records each belong to an email the events call for.
    static func outboxAttempts(_ db: any SQLDatabase) throws -> Check {
        guard try db.tableExists("outbox_attempts") else {
            return Check(name: "outbox consistent with the events", passed: true, detail: "no outbox")
        }
        let orphans = try db.values(
            String.self,
            "SELECT outbox_id FROM outbox_attempts a WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.outbox_id = a.outbox_id) LIMIT 5"
        )
        let pending = try db.value(Int.self, "SELECT COUNT(*) FROM outbox WHERE state = 'pending'") ?? 0
        return Check(
            name: "outbox consistent with the events", passed: orphans.isEmpty,
            detail: orphans.isEmpty
                ? "\(pending) emails pending"
                : "attempts recorded for emails no event calls for: \(orphans.joined(separator: ", "))")
    }

    /// No consumer claims to have read past the last event.
    static func checkpoints(_ db: any SQLDatabase) throws -> Check {
        let ahead = try db.values(
            String.self, "SELECT name FROM checkpoints WHERE position > (SELECT COALESCE(MAX(position), 0) FROM events)"
        )
        return Check(
            name: "checkpoints within the events", passed: ahead.isEmpty,
            detail: ahead.isEmpty ? "ok" : "ahead of the last event: \(ahead.joined(separator: ", "))")
    }
}
