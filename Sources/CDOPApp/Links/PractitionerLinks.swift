import CDOPDomain
import Crypto
import Foundation

/// The secure links practitioners use to answer one form request.
///
/// A link's token is 256 bits derived with HMAC-SHA-256 from a server secret and the request (and the link's
/// issue number), so the database never holds a usable token: events record only the token's SHA-256, and the
/// mail dispatcher derives the token again when it writes an email. Without the secret, no link can be made;
/// with the database alone, no link can be recovered.
package struct PractitionerLinks: Sendable {
    private let secret: Data
    package let baseURL: URL
    package let lifetime: TimeInterval

    package init(secret: Data, baseURL: URL, lifetimeDays: Int = 60) {
        self.secret = secret
        self.baseURL = baseURL
        self.lifetime = Double(lifetimeDays) * 86_400
    }

    /// The token of the `issue`-th link of a request: 43 URL-safe characters.
    package func token(for requestID: FormRequestID, issue: Int = 1) -> String {
        let message = Data("cdop.practitioner-link.v1|\(requestID)|\(issue)".utf8)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: secret))
        return Self.base64URL(Data(code))
    }

    /// What is recorded: the lower-case hex SHA-256 of a token.
    package static func hash(of token: String) -> String {
        SHA256Hex.of(Data(token.utf8))
    }

    /// The address a practitioner opens.
    package func url(for token: String) -> URL {
        baseURL.appendingPathComponent("forms").appendingPathComponent(token)
    }

    /// The command recording the link of a new request.
    package func issueCommand(for requestID: FormRequestID, at now: Date, issue: Int = 1) -> CaseCommand {
        .issuePractitionerLink(
            requestID: requestID, tokenHash: Self.hash(of: token(for: requestID, issue: issue)),
            expiresAt: now.addingTimeInterval(lifetime))
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// Where the link secret lives: `CDOP_LINK_SECRET` (64 hex characters), else a file beside the database made
/// on first use, readable by its owner only.
package enum LinkSecret {
    package enum Problem: Error, CustomStringConvertible {
        case unreadable(path: String)

        package var description: String {
            switch self {
            case .unreadable(let path): "The link secret \(path) cannot be read or created."
            }
        }
    }

    /// The key file beside the database, made on first use (`CDOP_LINK_SECRET`, checked with the rest of the
    /// configuration, overrides it).
    package static func load(databasePath: String) throws(Problem) -> Data {
        let path = URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("link-secret")
            .path
        if let existing = FileManager.default.contents(atPath: path), existing.count == 32 { return existing }
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = UInt8.random(in: .min ... .max, using: &generator) }
        let data = Data(bytes)
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw .unreadable(path: path)
        }
        return data
    }
}

extension Data {
    /// Bytes from hexadecimal text; nil when malformed.
    init?(hex: String) {
        var bytes: [UInt8] = []
        var iterator = hex.makeIterator()
        while let high = iterator.next() {
            guard let low = iterator.next(), let value = UInt8(String([high, low]), radix: 16) else { return nil }
            bytes.append(value)
        }
        self.init(bytes)
    }
}
