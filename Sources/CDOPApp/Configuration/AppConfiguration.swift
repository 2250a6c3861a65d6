import CDOPDomain
import CDOPMail
import Foundation

/// Every setting cdop runs with, as one value. Defaults make `make run` work with nothing configured.
///
/// Only `AppConfiguration+Environment.swift` reads the environment; everything else is handed this value.
package struct AppConfiguration: Sendable, Equatable {
    /// The SQLite database file (`CDOP_DB`).
    package var databasePath = "var/cdop.sqlite"
    /// A PostgreSQL database (`CDOP_DATABASE_URL`, `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`): when set,
    /// the panel runs on it instead of the SQLite file, and several cdop servers may share it.
    package var databaseURL: String?
    /// The folder holding `Workflows/` and `Forms/` (`CDOP_DEFINITIONS`).
    package var definitionsPath = "."
    package var httpHost = "127.0.0.1"
    package var httpPort = 8080
    /// The public address used in links inside emails (`CDOP_BASE_URL`).
    package var baseURL = URL(string: "http://127.0.0.1:8080")!
    /// Where mail goes (`CDOP_SMTP_*`, `CDOP_MAIL_FROM`, `CDOP_SPOOL_DIR`): SMTP, or the spool by default.
    package var mail = MailSettings(
        sender: try! MailAddress("cdop@localhost"), delivery: .spool(directory: "var/outbox"))
    /// Whether `CDOP_SPOOL_DIR` named the spool directory; if not, a database given with `--db` spools beside itself.
    package var spoolDirectoryGiven = false
    /// The panel's coordinator, who receives escalations and delivery-failure alerts (`CDOP_COORDINATOR_NAME`,
    /// `CDOP_COORDINATOR_EMAIL`).
    package var coordinatorName = "The CDOP coordinator"
    package var coordinatorEmail = "coordinator@localhost"
    /// The designated doctor for child deaths and the panel chair (`CDOP_DESIGNATED_DOCTOR_EMAIL`,
    /// `CDOP_PANEL_CHAIR_EMAIL`).
    package var designatedDoctorEmail = "designated-doctor@localhost"
    package var panelChairEmail = "panel-chair@localhost"
    /// How long a practitioner's link stays valid (`CDOP_LINK_DAYS`).
    package var linkDays = 60
    /// Load the demo data set into an empty database (`CDOP_DEMO`).
    package var loadDemoData = false
    /// The panel's local-authority areas, as `CODE=Name` pairs (`CDOP_PANEL_AREAS`).
    package var panelAreas: [PanelAreaSetting] = PanelAreaSetting.demoPanel
    /// How often the server's scheduler ticks (`CDOP_TICK_SECONDS`).
    package var tickInterval: Duration = .seconds(60)
    /// The panel's name (`CDOP_PANEL_NAME`).
    package var panelName = "North Central Example CDOP"
    /// bcrypt's cost for staff passwords (`CDOP_BCRYPT_COST`): 12; lower only for tests.
    package var bcryptCost: UInt8 = 12

    /// The SQLite file of the data subjects' keys (`CDOP_KEYS_DB`); unset: `<database>-keys.sqlite` beside the
    /// database. Back it up with the database: without it, no personal data in the events can be read.
    package var keysDatabasePath: String?
    /// The keys file in use (with `keysDatabaseURL`, the folder a rebuild's scratch files go in).
    package var keysPath: String { keysDatabasePath ?? PersonalDataProtection.keysPath(besides: databasePath) }
    /// A PostgreSQL database of the keys' own (`CDOP_KEYS_DATABASE_URL`), in place of the keys file: for servers
    /// on several machines, which cannot share a SQLite file. Never the events' database.
    package var keysDatabaseURL: String?

    /// The key practitioner links are signed with (`CDOP_LINK_SECRET`); unset: a key file beside the database.
    package var linkSecret: Data?
    /// The bearer token that opens `GET /metrics` from anywhere (`CDOP_METRICS_TOKEN`); unset: loopback only.
    package var metricsToken: String?

    /// Reviews completed before this day may be recorded on the older preventability scale
    /// (`CDOP_LEGACY_SCALE_UNTIL`, YYYY-MM-DD; 1 April 2013, when Working Together 2013 replaced it).
    package var legacyScaleUntil = LegacyPreventability.defaultScaleUntil
    /// The reverse proxies whose `X-Forwarded-For` is believed (`CDOP_TRUSTED_PROXIES`); none by default.
    package var trustedProxies = TrustedProxies()
    /// `/healthz` answers 503 when the database's file system has less free space than this, in megabytes
    /// (`CDOP_MIN_FREE_MB`): a full disk refuses every write.
    package var minimumFreeMegabytes = 64

    /// The page cache of each database connection, in KiB (`CDOP_DB_CACHE_KB`), and how many connections may read
    /// at once beside the writer (`CDOP_DB_READERS`). The process holds up to `(readers + 1) × cache` of pages.
    package var databaseCacheKiB = 1024
    package var databaseReaders = 4
    /// How the national return is sent to NCMD (`CDOP_NCMD_*`): a directory by default, or an HTTPS endpoint.
    package var nationalReturn = NationalReturnSettings()

    /// How much the server logs (`CDOP_LOG_LEVEL`): trace, debug, info, notice, warning, error or critical.
    package var logLevel = "info"

    package init() {}
}

/// One local-authority area a panel covers.
package struct PanelAreaSetting: Sendable, Equatable {
    package var code: String
    package var name: String

    package init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// A synthetic five-area regional panel, as in North Central London, for `make run` and the demo.
    package static let demoPanel = [
        PanelAreaSetting(code: "NTH", name: "Northam"),
        PanelAreaSetting(code: "EST", name: "Eastbury"),
        PanelAreaSetting(code: "STH", name: "Southmere"),
        PanelAreaSetting(code: "WST", name: "Westwick"),
        PanelAreaSetting(code: "CEN", name: "Central Vale"),
    ]
}
