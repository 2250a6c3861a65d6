import Foundation

/// Where the SMTP server is: `smtp://host:port` (STARTTLS) or `smtps://host:port` (TLS from the start).
package struct SMTPServerURL: Sendable, Hashable, CustomStringConvertible {
    package enum Scheme: String, Sendable, Hashable {
        case smtp
        case smtps
    }

    package let scheme: Scheme
    /// A host name, an IPv4 address, or an IPv6 address without brackets.
    package let host: String
    package let port: Int

    /// Reads `smtp://host[:port][/]` or `smtps://...`; the port defaults to 25 and 465.
    package init(_ text: String) throws(MailSettingsError) {
        func refuse(_ reason: String) -> MailSettingsError {
            MailSettingsError(variable: "CDOP_SMTP_URL", value: text, reason: reason)
        }
        guard let schemeEnd = text.range(of: "://") else { throw refuse("it must look like smtp://host:port") }
        guard let scheme = Scheme(rawValue: text[..<schemeEnd.lowerBound].lowercased()) else {
            throw refuse("the scheme must be smtp (with STARTTLS) or smtps")
        }
        var rest = Substring(text[schemeEnd.upperBound...])
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.contains("@") else {
            throw refuse("credentials belong in CDOP_SMTP_USER and CDOP_SMTP_PASSWORD, not in the URL")
        }
        guard !rest.contains("/"), !rest.contains("?"), !rest.contains("#") else {
            throw refuse("it must be only smtp://host:port, without a path")
        }
        var host: Substring
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw refuse("the IPv6 address has no closing ]") }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw refuse("unexpected text after the IPv6 address") }
                portText = after.dropFirst()
            }
            guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw refuse("\"\(host)\" is not an IPv6 address")
            }
        } else {
            let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { throw refuse("it must be smtp://host:port") }
            host = parts[0]
            portText = parts.count == 2 ? parts[1] : nil
            guard MailAddress.isHostName(host) else { throw refuse("\"\(host)\" is not a host name") }
        }
        var port = scheme == .smtp ? 25 : 465
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else {
                throw refuse("the port must be a number from 1 to 65535")
            }
            port = value
        }
        self.scheme = scheme
        self.host = String(host)
        self.port = port
    }

    /// Whether the host is this machine (127.0.0.0/8, ::1, localhost).
    package var isLoopback: Bool {
        let lower = host.lowercased()
        if lower == "localhost" || lower.hasSuffix(".localhost") || lower == "::1" { return true }
        let octets = lower.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// `host:port`, as shown in error messages and receipts.
    package var server: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// The URL handed to libcurl.
    package var description: String { "\(scheme.rawValue)://\(server)" }
}
