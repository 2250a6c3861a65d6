import CDOPMail
import Testing

@Suite("Mail settings from the environment")
struct SettingsTests {
    @Test("With nothing set, mail is spooled to var/outbox from cdop@localhost")
    func defaults() throws {
        let settings = try MailSettings(environment: [:])
        #expect(settings.delivery == .spool(directory: "var/outbox"))
        #expect(settings.sender.address == "cdop@localhost")
        #expect(settings.makeTransport() is SpoolTransport)
    }

    @Test("An SMTP URL with user, password and CA file gives SMTP with STARTTLS required")
    func smtpWithEverything() throws {
        let settings = try MailSettings(environment: [
            "CDOP_SMTP_URL": "smtp://mail.example.org:587",
            "CDOP_SMTP_USER": "cdop",
            "CDOP_SMTP_PASSWORD": "secret value",
            "CDOP_SMTP_CA_FILE": "/etc/cdop/ca.pem",
            "CDOP_MAIL_FROM": "CDOP Office <cdop@panel.example.org>",
            "CDOP_SPOOL_DIR": "/ignored",
        ])
        guard case .smtp(let smtp) = settings.delivery else {
            Issue.record("expected SMTP")
            return
        }
        #expect(smtp.url.scheme == .smtp)
        #expect(smtp.url.host == "mail.example.org")
        #expect(smtp.url.port == 587)
        #expect(smtp.startTLS == .required)
        #expect(smtp.credentials == SMTPCredentials(user: "cdop", password: "secret value"))
        #expect(!"\(smtp.credentials!)".contains("secret"), "the password never shows in a description")
        #expect(smtp.caFile == "/etc/cdop/ca.pem")
        #expect(smtp.clientName == "panel.example.org", "EHLO names the sender's domain")
        #expect(settings.sender == Fixtures.address("cdop@panel.example.org", "CDOP Office"))
        #expect(settings.makeTransport() is SMTPTransport)
    }

    @Test(
        "Ports default to 25 for smtp:// and 465 for smtps://; IPv6 and loopback hosts are read",
        arguments: [
            ("smtp://mail.example.org", "mail.example.org", 25, false),
            ("smtps://mail.example.org", "mail.example.org", 465, false),
            ("smtp://127.0.0.1:2525/", "127.0.0.1", 2525, true),
            ("smtp://[::1]:2525", "::1", 2525, true),
            ("smtp://localhost:1025", "localhost", 1025, true),
        ])
    func urls(text: String, host: String, port: Int, loopback: Bool) throws {
        let url = try SMTPServerURL(text)
        #expect(url.host == host)
        #expect(url.port == port)
        #expect(url.isLoopback == loopback)
    }

    @Test(
        "A bad setting is refused, naming the variable and the reason",
        arguments: [
            (["CDOP_SMTP_URL": "http://mail.example.org"], "CDOP_SMTP_URL", "scheme"),
            (["CDOP_SMTP_URL": "smtp://user:pw@mail.example.org"], "CDOP_SMTP_URL", "CDOP_SMTP_USER"),
            (["CDOP_SMTP_URL": "smtp://mail.example.org:99999"], "CDOP_SMTP_URL", "port"),
            (["CDOP_SMTP_URL": "smtp://mail example.org"], "CDOP_SMTP_URL", "host name"),
            (
                ["CDOP_SMTP_URL": "smtp://mail.example.org", "CDOP_SMTP_STARTTLS": "maybe"], "CDOP_SMTP_STARTTLS",
                "required or off"
            ),
            (
                ["CDOP_SMTP_URL": "smtp://mail.example.org", "CDOP_SMTP_STARTTLS": "off"], "CDOP_SMTP_STARTTLS",
                "not a loopback"
            ),
            (["CDOP_SMTP_URL": "smtps://127.0.0.1", "CDOP_SMTP_STARTTLS": "off"], "CDOP_SMTP_STARTTLS", "smtps"),
            (
                ["CDOP_SMTP_URL": "smtp://mail.example.org", "CDOP_SMTP_USER": "cdop"], "CDOP_SMTP_PASSWORD",
                "missing while CDOP_SMTP_USER is set"
            ),
            (
                ["CDOP_SMTP_URL": "smtp://mail.example.org", "CDOP_SMTP_PASSWORD": "x"], "CDOP_SMTP_USER",
                "missing while CDOP_SMTP_PASSWORD is set"
            ),
            (["CDOP_SMTP_USER": "cdop"], "CDOP_SMTP_USER", "CDOP_SMTP_URL is not set"),
            (["CDOP_SMTP_STARTTLS": "off"], "CDOP_SMTP_STARTTLS", "CDOP_SMTP_URL is not set"),
            (["CDOP_MAIL_FROM": "not an address"], "CDOP_MAIL_FROM", "not an address cdop can send to"),
        ])
    func refused(environment: [String: String], variable: String, reasonContains: String) {
        do {
            _ = try MailSettings(environment: environment)
            Issue.record("accepted \(environment)")
        } catch {
            #expect(error.variable == variable)
            #expect(error.description.hasPrefix(variable))
            #expect(error.description.contains(reasonContains), "\(error.description)")
        }
    }

    @Test("STARTTLS may be off for a loopback test server, and an empty variable counts as unset")
    func offOnLoopback() throws {
        let settings = try MailSettings(environment: [
            "CDOP_SMTP_URL": "smtp://127.0.0.1:2525", "CDOP_SMTP_STARTTLS": "off", "CDOP_SMTP_USER": "",
            "CDOP_SMTP_PASSWORD": "",
        ])
        guard case .smtp(let smtp) = settings.delivery else {
            Issue.record("expected SMTP")
            return
        }
        #expect(smtp.startTLS == .off)
        #expect(smtp.credentials == nil)
    }

    @Test("A refused password is never repeated in the message")
    func passwordNotEchoed() {
        do {
            _ = try MailSettings(environment: ["CDOP_SMTP_PASSWORD": "hunter2-secret"])
            Issue.record("accepted")
        } catch {
            #expect(error.value == nil)
            #expect(!error.description.contains("hunter2"))
        }
    }
}
