import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A submitted HTML form (application/x-www-form-urlencoded): every value of every name, in order.
package struct FormPost: Sendable, Equatable {
    /// Values by field name; a name sent twice (checkboxes) keeps every value.
    package private(set) var values: [String: [String]] = [:]

    package init(values: [String: [String]] = [:]) {
        self.values = values
    }

    /// Parses an urlencoded body; `+` is a space, malformed escapes are kept as typed.
    package init(encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            guard !name.isEmpty else { continue }
            values[name, default: []].append(value)
        }
    }

    /// The first value of `name`, trimmed; nil when absent or blank.
    package subscript(_ name: String) -> String? {
        guard let value = values[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// Every non-blank value of `name`.
    package func all(_ name: String) -> [String] {
        (values[name] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The post without the fields the server adds to every form (the CSRF token and the submit button).
    package var answersOnly: [String: [String]] {
        values.filter { $0.key != CSRF.fieldName && $0.key != "action" }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

extension Request {
    /// The body as a form post, read up to the server's limit for forms (a larger body is refused with 413).
    package mutating func formPost(context: WebContext) async throws -> FormPost {
        let buffer = try await collectBody(upTo: WebLimits.maxFormBytes)
        return FormPost(encoded: String(buffer: buffer))
    }
}
