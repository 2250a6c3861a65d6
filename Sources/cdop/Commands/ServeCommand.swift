import ArgumentParser
import CDOPApp
import CDOPDefinitions
import CDOPHTTP
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus

/// `cdop serve`: the web server (pages, JSON API, practitioner links) with the deadline scheduler and the
/// mail dispatcher running beside it, until SIGTERM or SIGINT, which stop it gracefully.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the web server, the deadline scheduler and the mail dispatcher.",
        discussion: """
            Listens on $CDOP_HTTP_HOST:$CDOP_HTTP_PORT (default 127.0.0.1:8080). With CDOP_DEMO=1 an empty database \
            is first filled with the demo data set and its users, whose passwords are printed once. The whole \
            configuration is checked first: every problem is named and the server does not start. On SIGTERM it \
            stops accepting, finishes the requests in flight, gives back unsent mail it had claimed, and exits 0.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "Listen on this port instead of $CDOP_HTTP_PORT (0 picks a free port, printed on start).")
    var port: Int?

    func run() async throws {
        HeapRelease.limitArenas()
        var configuration = try options.configuration()
        if let port { configuration.httpPort = port }
        let definitions = try DefinitionSet.load(from: URL(fileURLWithPath: configuration.definitionsPath)).get()
        // Held while serving, so `cdop restore` cannot swap the database under this server.
        let lock = try DatabaseLock.acquire(.shared, for: configuration.databasePath)
        defer { withExtendedLifetime(lock) {} }
        let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = PrivacyLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        let metrics = ServerMetrics()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics.registry))
        try await options.loadDemoIfAsked()
        let engine = try Engine(
            configuration: configuration, schedules: try DeclaredSchedules.load(configuration))
        let users = UserDirectory(engine: engine)
        let services = WebServices(
            engine: engine, definitions: definitions, renderer: try await PageRenderer.load(), clock: SystemClock(),
            users: users, sessions: SessionStore(store: engine.store), limits: RateLimits(for: engine),
            metrics: metrics)
        let logger = Logger(label: "cdop")
        let host = configuration.httpHost
        let panel = configuration.panelName
        let application = WebServer.application(services, templates: definitions.templates, logger: logger) { port in
            // Tests read this line for the port when they ask for port 0.
            FileHandle.standardOutput.write(
                Data("cdop: \(panel) listening on http://\(host):\(port)/ (Ctrl-C stops)\n".utf8))
        }
        try await application.runService()
        logger.info("cdop stopped")
        FileHandle.standardOutput.write(Data("cdop: stopped\n".utf8))
    }
}
