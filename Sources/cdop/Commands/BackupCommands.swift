import ArgumentParser
import CDOPApp
import CDOPStore
import Foundation

/// `cdop backup DEST`: a consistent copy of the live database, safe while the server runs.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a new file while cdop keeps running (SQLite's online backup).",
        discussion: """
            The copy holds every event committed before it began. DEST must not exist. The keys file (CDOP_KEYS_DB) \
            is copied beside it as <name>-keys.sqlite: keep the two together, and apart from copies of the events \
            alone. Keep the link-secret file beside the database (or CDOP_LINK_SECRET) with your backups too: \
            practitioners' links need it.
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The new file to write, e.g. /var/backups/cdop/cdop-2026-11-23.sqlite.")
    var destination: String

    func run() throws {
        let configuration = try options.configuration()
        let report = try DatabaseBackup.copy(
            from: configuration.databasePath, to: destination, keys: configuration.keysPath)
        if options.json {
            print(Output.json(report))
        } else {
            print(
                "Backed up \(report.events) events (up to position \(report.lastPosition), \(report.bytes) bytes) to \(report.destination)."
            )
            if let keys = report.keys { print("Copied the keys that open its personal data to \(keys).") }
        }
    }
}

/// `cdop restore SRC`: put a checked backup in place of the database, keeping the old file aside.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database with a backup, after checking the backup as `cdop verify` does.",
        discussion: """
            Stop the server first: restore refuses while it runs. The database it replaces is kept beside it as \
            <name>.before-restore-<UTC time>. A backup made by an earlier version is brought up to date.
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The backup file to restore.")
    var source: String

    func run() throws {
        let configuration = try options.configuration()
        let report = try DatabaseRestore.restore(
            from: source, into: configuration.databasePath, keys: configuration.keysPath, now: Date())
        if options.json {
            print(Output.json(report))
        } else {
            print("Restored \(report.events) events from \(report.source) into \(report.database).")
            if let previous = report.previousKeptAt { print("The database it replaced is kept as \(previous).") }
            if let keys = report.keys { print("Restored the keys beside the backup into \(keys).") }
            if report.erasuresCarried > 0 {
                print(
                    "\(report.erasuresCarried) people erased after the backup was taken were erased again in the restored database."
                )
            }
        }
    }
}

/// `cdop verify`: is this database whole? Exits 1 with a report when not.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the database: integrity, gap-free event positions, read models equal to a rebuild, outbox.",
        discussion: """
            It changes nothing. On a server under load, check a fresh backup instead (cdop backup, then \
            cdop verify --db the-backup; on PostgreSQL, a database restored from pg_dump), since the live tables \
            move while they are compared. Exits 1 on a failure.
            """)

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let configuration = try options.configuration()
        guard configuration.databaseURL != nil || FileManager.default.fileExists(atPath: configuration.databasePath)
        else {
            throw OperationsError.noDatabase(path: configuration.databasePath)
        }
        let engine = try options.engine()
        let report = try DatabaseVerification(store: engine.store, scratchBeside: configuration.keysPath).run()
        if options.json {
            print(Output.json(report))
        } else {
            print("\(engine.store.location): \(report.events) events.")
            for check in report.checks {
                print("  \(check.passed ? "ok  " : "FAIL") \(check.name): \(check.detail)")
            }
            print(report.passed ? "Every check passed." : "The database fails \(report.failures.count) check(s).")
        }
        if !report.passed { throw ExitCode(1) }
    }
}
