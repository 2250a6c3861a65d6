import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle

/// The server assembled: routes, middleware, and the scheduler and dispatcher loops.
package enum WebServer {
    /// The routes with their middleware, for the server and for tests.
    package static func routes(_ services: WebServices) -> RouteTable {
        let router = Router(context: WebContext.self)
        router.add(middleware: ClientAddressMiddleware(proxies: services.engine.configuration.trustedProxies))
        router.add(middleware: LatencyMiddleware(metrics: services.metrics))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: SessionMiddleware(services: services))
        router.add(middleware: ErrorPageMiddleware(services: services))
        let table = RouteTable(router: router, services: services)
        for install in areas { install(table, services) }
        return table
    }

    /// Each area of the site adds its routes.
    static let areas: [@Sendable (RouteTable, WebServices) -> Void] = [
        StaticFiles.install, PublicPages.install, SignInPages.install, AccountPages.install, DashboardPages.install,
        CasePages.install, CaseListPages.install, CaseCorrectionPages.install, RapidResponsePages.install,
        MeetingPages.install, MeetingOrganiserPages.install, PanelPages.install, ReportPages.install,
        NationalReturnPages.install,
        AgencyPages.install,
        AgencyEditPages.install,
        AdminPages.install, AccessLogPages.install, PrivacyPages.install,
        PractitionerPages.install, RequestPages.install, RequestAPIRoutes.install, APIRoutes.install,
        MeetingAPIRoutes.install, UserAPIRoutes.install, OperationsRoutes.install,
    ]

    /// The application: listening where the configuration says, firing timers, sending mail and (with the HTTPS
    /// adapter) national returns while it runs.
    package static func application(
        _ services: WebServices, templates: [String: EmailTemplate], logger: Logger, runLoops: Bool = true,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let configuration = services.engine.configuration
        var loops: [any Service] = [
            BackgroundLoop(name: "heap") { await HeapRelease.run(every: HeapRelease.interval) }
        ]
        if runLoops {
            let interval = configuration.tickInterval
            let scheduler = services.engine.scheduler
            let dispatcher = services.engine.dispatcher(templates: templates)
            loops += [
                BackgroundLoop(name: "scheduler") { await scheduler.run(every: interval) },
                BackgroundLoop(name: "dispatcher") { await dispatcher.run(every: interval) },
            ]
            if let sender = services.engine.nationalReturnSender {
                loops.append(BackgroundLoop(name: "ncmd-sender") { await sender.run(every: interval) })
            }
        }
        return Application(
            router: routes(services).router,
            configuration: .init(
                address: .hostname(configuration.httpHost, port: configuration.httpPort), serverName: "cdop"),
            services: loops, onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }
}
