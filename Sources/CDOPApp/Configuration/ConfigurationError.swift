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
