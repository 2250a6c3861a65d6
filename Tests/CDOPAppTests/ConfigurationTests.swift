import CDOPApp
import CDOPDomain
import CDOPMail
import Foundation
import Testing

@Suite("Configuration from the environment")
struct ConfigurationTests {
    @Test("With nothing set, every setting has the default that make run needs")
    func defaults() throws {
        let configuration = try AppConfiguration(environment: [:])
        #expect(configuration.databasePath == "var/cdop.sqlite")
        #expect(configuration.httpHost == "127.0.0.1" && configuration.httpPort == 8080)
        #expect(configuration.mail.delivery == .spool(directory: "var/outbox"))
        #expect(configuration.mail.sender.address == "cdop@localhost")
        #expect(configuration.panelAreas.count == 5)
    }

    @Test("The documented variables are read")
    func variablesAreRead() throws {
        let configuration = try AppConfiguration(environment: [
            "CDOP_DB": "/data/cdop.sqlite", "CDOP_HTTP_PORT": "9000", "CDOP_SMTP_URL": "smtp://127.0.0.1:2525",
            "CDOP_SMTP_STARTTLS": "off", "CDOP_MAIL_FROM": "cdop@panel.example.org", "CDOP_DEMO": "1",
            "CDOP_PANEL_AREAS": "E09000007=Camden;E09000014=Haringey",
        ])
        #expect(configuration.databasePath == "/data/cdop.sqlite" && configuration.httpPort == 9000)
        guard case .smtp(let smtp) = configuration.mail.delivery else {
            Issue.record("not SMTP")
            return
        }
        #expect(smtp.url.port == 2525 && smtp.startTLS == .off)
        #expect(configuration.mail.sender.address == "cdop@panel.example.org")
        #expect(configuration.loadDemoData && configuration.panel.areas.map(\.code) == ["E09000007", "E09000014"])
    }

    @Test("Every bad value is named at once, with the reason")
    func badValuesAreNamed() {
        let error = #expect(throws: ConfigurationError.self) {
            try AppConfiguration(environment: [
                "CDOP_HTTP_PORT": "eighty", "CDOP_SMTP_URL": "http://mail", "CDOP_SMTP_USER": "u",
                "CDOP_MAIL_FROM": "nobody", "CDOP_PANEL_AREAS": "A=One;A=Two",
            ])
        }
        let variables = Set(error?.problems.map(\.variable) ?? [])
        #expect(variables.isSuperset(of: ["CDOP_HTTP_PORT", "CDOP_PANEL_AREAS"]))
        #expect(variables.contains { $0.hasPrefix("CDOP_SMTP") || $0 == "CDOP_MAIL_FROM" })
    }

    @Test("The keys' database must be another database than the events', and an address")
    func keysDatabaseOfItsOwn() throws {
        let same = #expect(throws: ConfigurationError.self) {
            try AppConfiguration(environment: [
                "CDOP_DATABASE_URL": "postgres://cdop_app:secret@db.internal:5432/cdop",
                "CDOP_KEYS_DATABASE_URL": "postgres://cdop_keys:other@db.internal/cdop",
            ])
        }
        #expect(same?.problems.map(\.variable) == ["CDOP_KEYS_DATABASE_URL"])
        #expect(same?.description.contains("secret") == false && same?.description.contains("other") == false)
        let malformed = #expect(throws: ConfigurationError.self) {
            try AppConfiguration(environment: ["CDOP_KEYS_DATABASE_URL": "mysql://db/keys"])
        }
        #expect(malformed?.problems.map(\.variable) == ["CDOP_KEYS_DATABASE_URL"])
        let apart = try AppConfiguration(environment: [
            "CDOP_DATABASE_URL": "postgres://cdop_app@db.internal/cdop",
            "CDOP_KEYS_DATABASE_URL": "postgres://cdop_app@db.internal/cdop_keys",
        ])
        #expect(apart.keysDatabaseURL == "postgres://cdop_app@db.internal/cdop_keys")
    }

    @Test(
        "The panel's and the coordinator's names, shown in emails' From and Reply-To, are refused when they could not be mailed"
    )
    func namesInEmailHeadersAreChecked() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try AppConfiguration(environment: [
                "CDOP_PANEL_NAME": "North CDOP <cdop@evil.example>",
                "CDOP_COORDINATOR_NAME": "Casey\r\nBcc: x@evil.example",
            ])
        }
        #expect(Set(error?.problems.map(\.variable) ?? []) == ["CDOP_PANEL_NAME", "CDOP_COORDINATOR_NAME"])
        let fine = try AppConfiguration(environment: [
            "CDOP_PANEL_NAME": "Ní Bhriain & O'Brien CDOP", "CDOP_COORDINATOR_NAME": "Dr A. Khan",
        ])
        #expect(fine.panelName == "Ní Bhriain & O'Brien CDOP" && fine.coordinatorName == "Dr A. Khan")
    }

    @Test("Turning STARTTLS off is refused for anything but a loopback server")
    func startTLSOffOnlyOnLoopback() {
        #expect(throws: ConfigurationError.self) {
            try AppConfiguration(environment: [
                "CDOP_SMTP_URL": "smtp://mail.example.org:25", "CDOP_SMTP_STARTTLS": "off",
            ])
        }
    }

    @Test("The password is never repeated in an error")
    func secretsAreNotEchoed() {
        let error = #expect(throws: ConfigurationError.self) {
            try AppConfiguration(environment: ["CDOP_SMTP_PASSWORD": "hunter2-secret"])
        }
        #expect(error?.description.contains("hunter2-secret") == false)
    }

    @Test("A database given with --db spools its mail beside itself, unless CDOP_SPOOL_DIR names the spool")
    func databaseGivenSpoolsBesideIt() throws {
        var beside = try AppConfiguration(environment: [:])
        beside.useDatabase(at: "/data/panel/cdop.sqlite")
        #expect(beside.databasePath == "/data/panel/cdop.sqlite")
        #expect(beside.mail.delivery == .spool(directory: "/data/panel/outbox"))

        var named = try AppConfiguration(environment: ["CDOP_SPOOL_DIR": "/srv/mail"])
        named.useDatabase(at: "/data/panel/cdop.sqlite")
        #expect(named.mail.delivery == .spool(directory: "/srv/mail"))

        var smtp = try AppConfiguration(environment: [
            "CDOP_SMTP_URL": "smtp://127.0.0.1:2525", "CDOP_SMTP_STARTTLS": "off",
        ])
        smtp.useDatabase(at: "/data/panel/cdop.sqlite")
        guard case .smtp = smtp.mail.delivery else {
            Issue.record("SMTP kept")
            return
        }
    }
}
