/// How to reach the SMTP server: where, how securely, as whom, and how long to wait.
package struct SMTPSettings: Sendable, Hashable {
    /// Whether `smtp://` must switch to TLS with STARTTLS before anything else is said.
    package enum StartTLS: String, Sendable, Hashable {
        /// STARTTLS or no mail (libcurl's CURLUSESSL_ALL); never falls back to cleartext.
        case required
        /// Cleartext: only for a test server on this machine.
        case off
    }

    package let url: SMTPServerURL
    package let credentials: SMTPCredentials?
    /// A PEM file of CA certificates that verify the server; `nil` uses the system's.
    package let caFile: String?
    package let startTLS: StartTLS
    /// The name cdop gives in EHLO; `nil` leaves libcurl's default (`localhost`), which servers that want a
    /// fully qualified name refuse.
    package let clientName: String?
    package var connectTimeout: Duration
    /// How long to wait for each reply of the server.
    package var responseTimeout: Duration
    /// How long one message may take in all, connection included.
    package var transferTimeout: Duration

    package init(
        url: SMTPServerURL, credentials: SMTPCredentials? = nil, caFile: String? = nil, startTLS: StartTLS = .required,
        clientName: String? = nil,
        connectTimeout: Duration = .seconds(15), responseTimeout: Duration = .seconds(60),
        transferTimeout: Duration = .seconds(300)
    ) throws(MailSettingsError) {
        if startTLS == .off {
            guard url.scheme == .smtp else {
                throw MailSettingsError(
                    variable: "CDOP_SMTP_STARTTLS", value: "off",
                    reason: "smtps:// always uses TLS; STARTTLS=off only applies to smtp://")
            }
            guard url.isLoopback else {
                throw MailSettingsError(
                    variable: "CDOP_SMTP_STARTTLS", value: "off",
                    reason: "mail may go unencrypted only to a test server on this machine, and \(url.host) is not "
                        + "a loopback address (127.0.0.1, ::1, localhost)")
            }
        }
        if let caFile, caFile.isEmpty {
            throw MailSettingsError(variable: "CDOP_SMTP_CA_FILE", value: caFile, reason: "the path is empty")
        }
        if let clientName, !MailAddress.isHostName(Substring(clientName)) {
            throw MailSettingsError(
                variable: "CDOP_MAIL_FROM", value: clientName, reason: "the EHLO name must be a host name")
        }
        self.url = url
        self.clientName = clientName
        self.credentials = credentials
        self.caFile = caFile
        self.startTLS = startTLS
        self.connectTimeout = connectTimeout
        self.responseTimeout = responseTimeout
        self.transferTimeout = transferTimeout
    }
}

/// The SMTP AUTH user and password. The password never appears in a description.
package struct SMTPCredentials: Sendable, Hashable, CustomStringConvertible {
    package let user: String
    package let password: String

    package init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    package var description: String { "\(user) (password hidden)" }
}
