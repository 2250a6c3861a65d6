/// A setting that cannot be used, naming the variable and why. Secrets are never repeated back.
package struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    package var problems: [Problem]

    package struct Problem: Equatable, Sendable {
        package var variable: String
        package var reason: String

        package init(_ variable: String, _ reason: String) {
            self.variable = variable
            self.reason = reason
        }
    }

    package var description: String {
        (["The configuration cannot be used:"] + problems.map { "  \($0.variable): \($0.reason)" })
            .joined(separator: "\n")
    }
}

extension ConfigurationError {
    /// Several servers share a PostgreSQL database: a link one signs, another must accept.
    static let linkSecretNeeded = ConfigurationError(problems: [
        Problem(
            "CDOP_LINK_SECRET",
            "must be set when CDOP_DATABASE_URL is: every cdop server on the database signs practitioners' links "
                + "with the same key (64 hex digits; `openssl rand -hex 32` makes one)")
    ])
}
