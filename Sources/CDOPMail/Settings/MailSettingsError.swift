/// A mail setting that cannot be used: which variable, and why. The value of a password is never repeated.
package struct MailSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment variable at fault, for example `CDOP_SMTP_STARTTLS`.
    package let variable: String
    /// The value as given, or `nil` when it is secret or absent.
    package let value: String?
    package let reason: String

    package init(variable: String, value: String?, reason: String) {
        self.variable = variable
        self.value = value
        self.reason = reason
    }

    package var description: String {
        if let value { "\(variable)=\(value) is refused: \(reason)" } else { "\(variable) is refused: \(reason)" }
    }
}
