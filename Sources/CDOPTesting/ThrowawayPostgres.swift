import CSpawn
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A PostgreSQL cluster of the tests' own: `initdb` into a temporary folder, `pg_ctl start` on a free port of
/// the loopback interface (and a socket in the same folder), stopped and removed when the last test process
/// using it exits. Debian's `postgresql` package provides the programs (`make deps` installs it); no service
/// outside the tests is needed. PostgreSQL refuses to run as root, so under root the cluster belongs to the
/// `postgres` user the package creates.
///
/// Each test asks for a database of its own (`makeDatabase()`), so tests running in parallel never see each
/// other's rows.
package final class ThrowawayPostgres: Sendable {
    package let folder: URL
    package let port: Int
    /// The role every database belongs to (trusted on loopback and the socket: the cluster is the tests' alone).
    package let user = "cdop"
    private let binaries: URL
    private let owner: String?
    private let databases = Atomic<Int>(0)

    /// What went wrong starting the cluster, with the programs' own words.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// The one cluster of this test process, started the first time it is asked for.
    package static func shared() throws -> ThrowawayPostgres {
        try sharedCluster.withLock { cluster in
            if let cluster { return cluster }
            let started = try ThrowawayPostgres()
            cluster = started
            atexit { try? ThrowawayPostgres.sharedCluster.withLock { $0 }?.stop() }
            return started
        }
    }

    private static let sharedCluster = Mutex<ThrowawayPostgres?>(nil)

    /// Starts a cluster: `durable` keeps PostgreSQL's fsync on (a benchmark's figures, a crash test, a replica);
    /// the contract tests run without it, as nothing they check needs the disk.
    package init(durable: Bool = false) throws {
        (binaries, owner, folder, port) = try Self.prepareFolder()
        try run("initdb", ["-D", dataPath, "-U", user, "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"])
        try start(durable: durable)
    }

    /// A streaming replica of `primary`: its data copied by `pg_basebackup` (`-R`: it starts as a standby that
    /// follows the primary's WAL over a replication connection), started on a port of its own.
    package init(replicaOf primary: ThrowawayPostgres) throws {
        (binaries, owner, folder, port) = try Self.prepareFolder()
        try run(
            "pg_basebackup",
            [
                "-h", "127.0.0.1", "-p", "\(primary.port)", "-U", user, "-D", dataPath, "-R", "-X", "stream", "-c",
                "fast",
            ])
        try start(durable: true)
    }

    private var dataPath: String { folder.appendingPathComponent("data").path }

    /// The programs, the user to run them as, a new folder for the cluster and a free port.
    private static func prepareFolder() throws -> (URL, String?, URL, Int) {
        let binaries = try binaryFolder()
        let owner = getuid() == 0 ? "postgres" : nil
        let folder = URL(fileURLWithPath: "/tmp").appendingPathComponent(
            "cdop-pg-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let owner { try run("/usr/bin/chown", ["-R", owner, folder.path]) }
        return (binaries, owner, folder, try closedLoopbackPort())
    }

    /// Starts the server on the cluster's folder and port.
    private func start(durable: Bool) throws {
        var settings = [
            "-p \(port)", "-k \(folder.path)", "-c listen_addresses=127.0.0.1", "-c max_connections=200",
            "-c shared_buffers=64MB",
        ]
        if !durable { settings += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"] }
        try run(
            "pg_ctl",
            [
                "-D", dataPath, "-w", "-t", "60", "-l", folder.appendingPathComponent("server.log").path, "-o",
                settings.joined(separator: " "), "start",
            ])
    }

    /// The address of `database` on this cluster.
    package func url(of database: String) -> String { "postgres://\(user)@127.0.0.1:\(port)/\(database)" }

    /// Makes every commit wait until a standby has its WAL on disk (`synchronous_standby_names = '*'`), so an
    /// acknowledged commit survives the primary's loss; returns once a standby is attached as synchronous.
    package func requireSynchronousStandby(within deadline: Duration = .seconds(60)) throws {
        try psql("ALTER SYSTEM SET synchronous_standby_names = '*'", database: "postgres")
        try psql("SELECT pg_reload_conf()", database: "postgres")
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: deadline)
        while try psql("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'", database: "postgres")
            == "0"
        {
            guard clock.now < end else { throw Failure(description: "no standby became synchronous in time") }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    /// Stops the server at once, as a lost machine would (`-m immediate`: no checkpoint, clients cut off), and
    /// keeps its folder.
    package func crash() throws {
        try run("pg_ctl", ["-D", dataPath, "-m", "immediate", "-w", "stop"])
    }

    /// Promotes a standby to a primary that takes writes, returning once it does.
    package func promote() throws {
        try run("pg_ctl", ["-D", dataPath, "-w", "-t", "60", "promote"])
    }

    /// A new, empty database, and its address (`postgres://cdop@127.0.0.1:PORT/NAME`).
    package func makeDatabase() throws -> (name: String, url: String) {
        let name = "test_\(ProcessInfo.processInfo.processIdentifier)_\(databases.add(1, ordering: .relaxed).newValue)"
        try run(
            "psql",
            [
                "-h", folder.path, "-p", "\(port)", "-U", user, "-d", "postgres", "-v", "ON_ERROR_STOP=1",
                "-q", "-c", "CREATE DATABASE \(name)",
            ])
        return (name, url(of: name))
    }

    /// Runs `sql` in `database` through `psql`, as `role` (the cluster's owner unless named), and gives back
    /// what it printed.
    @discardableResult
    package func psql(_ sql: String, database: String, role: String? = nil) throws -> String {
        try run(
            "psql",
            [
                "-h", folder.path, "-p", "\(port)", "-U", role ?? user, "-d", database, "-v", "ON_ERROR_STOP=1",
                "-qAt", "-c", sql,
            ])
    }

    /// Runs the SQL file at `path` in `database` through `psql`, as `role`, with `variables` (`-v NAME=VALUE`).
    @discardableResult
    package func psql(file path: String, database: String, role: String? = nil, variables: [String: String] = [:])
        throws -> String
    {
        let settings = variables.sorted { $0.key < $1.key }.flatMap { ["-v", "\($0.key)=\($0.value)"] }
        return try run(
            "psql",
            ["-h", folder.path, "-p", "\(port)", "-U", role ?? user, "-d", database, "-qAt", "-f", path] + settings)
    }

    /// Stops the server at once and removes its folder.
    package func stop() throws {
        _ = try? run("pg_ctl", ["-D", dataPath, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs one of PostgreSQL's programs (as the cluster's owner under root).
    @discardableResult
    private func run(_ program: String, _ arguments: [String]) throws -> String {
        let path = binaries.appendingPathComponent(program).path
        if let owner { return try Self.run("/usr/sbin/runuser", ["-u", owner, "--", path] + arguments) }
        return try Self.run(path, arguments)
    }

    /// Runs a program to its end (with `posix_spawn` and `waitpid`: `pg_ctl start` leaves a server behind that
    /// holds what it inherited, which Foundation's `Process` waits on), its output into a file, and gives back
    /// what it printed.
    @discardableResult
    private static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("cdop-pg-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure(description: "cannot start \(executable): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
        // Exited normally with 0 (`WIFEXITED` and `WEXITSTATUS`, which Swift does not import).
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw Failure(
                description:
                    "\(URL(fileURLWithPath: executable).lastPathComponent) \(arguments.prefix(4).joined(separator: " ")) failed (status \(status)): \(text)"
            )
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Debian's `/usr/lib/postgresql/VERSION/bin`, the newest version installed.
    private static func binaryFolder() throws -> URL {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        guard
            let newest = versions.compactMap(Int.init).max(),
            FileManager.default.isExecutableFile(atPath: root.appendingPathComponent("\(newest)/bin/initdb").path)
        else {
            throw Failure(
                description: "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run `make deps`")
        }
        return root.appendingPathComponent("\(newest)/bin")
    }
}
