extension MailSettings {
    package static let defaultSender = "cdop@localhost"
    package static let defaultSpoolDirectory = "var/outbox"

    /// Reads CDOP_SMTP_URL (unset: spool), CDOP_SMTP_USER, CDOP_SMTP_PASSWORD, CDOP_SMTP_CA_FILE,
    /// CDOP_SMTP_STARTTLS (`required` | `off`), CDOP_MAIL_FROM and CDOP_SPOOL_DIR. An empty value counts as unset.
    /// Pure: the environment is passed in; no file is opened.
    package init(environment: [String: String]) throws(MailSettingsError) {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingWhitespace(), !raw.isEmpty else { return nil }
            return raw
        }
        let fromText = value("CDOP_MAIL_FROM") ?? Self.defaultSender
        let sender: MailAddress
        do {
            sender = try MailAddress(parsing: fromText)
        } catch {
            throw MailSettingsError(variable: "CDOP_MAIL_FROM", value: fromText, reason: error.description)
        }

        let user = value("CDOP_SMTP_USER")
        let password = environment["CDOP_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        let caFile = value("CDOP_SMTP_CA_FILE")
        let startTLSText = value("CDOP_SMTP_STARTTLS")

        guard let urlText = value("CDOP_SMTP_URL") else {
            for name in ["CDOP_SMTP_USER", "CDOP_SMTP_PASSWORD", "CDOP_SMTP_CA_FILE", "CDOP_SMTP_STARTTLS"]
            where value(name) != nil {
                throw MailSettingsError(
                    variable: name, value: name == "CDOP_SMTP_PASSWORD" ? nil : value(name),
                    reason: "CDOP_SMTP_URL is not set, so mail would be spooled and this setting silently ignored")
            }
            let spool = value("CDOP_SPOOL_DIR") ?? Self.defaultSpoolDirectory
            self.init(sender: sender, delivery: .spool(directory: spool))
            return
        }

        let url = try SMTPServerURL(urlText)
        var startTLS = SMTPSettings.StartTLS.required
        if let startTLSText {
            guard let parsed = SMTPSettings.StartTLS(rawValue: startTLSText.lowercased()) else {
                throw MailSettingsError(
                    variable: "CDOP_SMTP_STARTTLS", value: startTLSText, reason: "it must be required or off")
            }
            startTLS = parsed
        }
        var credentials: SMTPCredentials?
        switch (user, password) {
        case (let user?, let password?):
            credentials = SMTPCredentials(user: user, password: password)
        case (nil, nil):
            credentials = nil
        case (_?, nil):
            throw MailSettingsError(
                variable: "CDOP_SMTP_PASSWORD", value: nil,
                reason: "it is missing while CDOP_SMTP_USER is set; SMTP AUTH needs both")
        case (nil, _?):
            throw MailSettingsError(
                variable: "CDOP_SMTP_USER", value: nil,
                reason: "it is missing while CDOP_SMTP_PASSWORD is set; SMTP AUTH needs both")
        }
        // EHLO names the sending domain, which servers expect to be fully qualified.
        let domain = String(sender.address[sender.address.index(after: sender.address.lastIndex(of: "@")!)...])
        let smtp = try SMTPSettings(
            url: url, credentials: credentials, caFile: caFile, startTLS: startTLS, clientName: domain)
        self.init(sender: sender, delivery: .smtp(smtp))
    }
}
