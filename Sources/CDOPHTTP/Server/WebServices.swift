import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// Everything a handler needs, made once at start-up: the engine, the definitions, the page templates, the
/// clock, the users and sessions, and the rate limits.
package struct WebServices: Sendable {
    package let engine: Engine
    package let definitions: DefinitionSet
    package let renderer: PageRenderer
    package let clock: any AppClock
    package let users: UserDirectory
    package let sessions: SessionStore
    /// Where every view of a case's identifiable data, and every refusal, is recorded (the user's stream).
    package let accessLog: AccessLog
    package let limits: RateLimits
    /// Cookies carry `Secure` when the public address is https (behind the TLS proxy).
    package let secureCookies: Bool
    /// HTTP latency and the operational figures, served at /metrics.
    package let metrics: ServerMetrics
    /// The dashboards rendered last, kept while nothing is appended and the minute is the same.
    let dashboards = DashboardCache()
    /// Practitioners' form pages as last rendered, kept under everything they show.
    let formPages = FormPageCache()

    package init(
        engine: Engine, definitions: DefinitionSet, renderer: PageRenderer, clock: any AppClock, users: UserDirectory,
        sessions: SessionStore, limits: RateLimits = RateLimits(), metrics: ServerMetrics = ServerMetrics()
    ) {
        self.metrics = metrics
        self.engine = engine
        self.definitions = definitions
        self.renderer = renderer
        self.clock = clock
        self.users = users
        self.sessions = sessions
        accessLog = AccessLog(engine: engine)
        self.limits = limits
        secureCookies = engine.configuration.baseURL.scheme == "https"
    }

    package var panelName: String { engine.configuration.panelName }
    package var now: Date { clock.now() }
    /// What a practitioner's link may do (made per use: it holds only the workflow).
    package var practitionerAccess: PractitionerAccess { PractitionerAccess(workflow: engine.workflow) }

    /// The chrome of a page for `context`'s visitor at `path`.
    package func chrome(
        _ title: String, _ context: WebContext, path: String, csrf: String? = nil, notice: String? = nil,
        errors: [PageChrome.ErrorLink] = []
    ) -> PageChrome {
        PageChrome(
            title: title, panelName: panelName, staff: context.staff, csrf: csrf ?? context.staff?.csrfToken ?? "",
            path: path,
            notice: notice, errors: errors)
    }
}
