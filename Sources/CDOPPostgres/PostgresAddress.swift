import CDOPStore
import Foundation

/// Where a PostgreSQL database is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE` (`postgresql://` too), as
/// `CDOP_DATABASE_URL` gives it. Its description never shows the password.
package struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    package var host: String
    package var port: Int
    package var user: String
    package var password: String?
    package var database: String

    package init(_ url: String) throws(EventStoreError) {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme),
            let host = components.host, !host.isEmpty, let user = components.user, !user.isEmpty
        else {
            throw .cannotOpen(
                path: Self.redacted(url),
                reason: "a PostgreSQL address reads postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw .cannotOpen(path: Self.redacted(url), reason: "the address names no database after the host")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
    }

    package var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// Why `url` is not a PostgreSQL address, never repeating its password; nil when it is one.
    package static func problem(in url: String) -> String? {
        do {
            _ = try PostgresAddress(url)
            return nil
        } catch {
            guard case .cannotOpen(let path, let reason) = error else { return String(describing: error) }
            return "\(path): \(reason)"
        }
    }

    /// `url` with any password replaced by `***`.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? "a PostgreSQL address"
    }
}
