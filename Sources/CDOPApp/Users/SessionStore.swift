import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation
import GRDB

/// A signed-in browser: who, its CSRF token, and when it ends.
package struct Session: Sendable, Equatable {
    /// The user as the read model holds them now (roles and areas changed since sign-in apply at once).
    package var user: AuthenticatedUser
    /// The token every form of this session must carry back.
    package var csrfToken: String
    package var createdAt: Date
    package var lastSeenAt: Date
    /// When the session ends if unused (moved on by every request), never after `absoluteExpiry`.
    package var expiresAt: Date
    package var absoluteExpiry: Date

    /// Whether a form's token is this session's (compared in constant time).
    package func accepts(csrf given: String?) -> Bool {
        SessionStore.csrfMatches(given, csrfToken)
    }
}

/// Server-side sessions (table `sessions`, not a read model). The browser holds a token of 256 random bits; the
/// database holds only its SHA-256, so a copy of the database cannot be replayed as cookies.
package struct SessionStore: Sendable {
    let store: any EventDatabase
    /// A session unused this long ends (30 minutes by default).
    package var idleTimeout: TimeInterval
    /// A session ends this long after sign-in whatever its use (12 hours by default).
    package var absoluteLifetime: TimeInterval

    package init(
        store: any EventDatabase, idleTimeout: TimeInterval = 30 * 60, absoluteLifetime: TimeInterval = 12 * 3600
    ) {
        self.store = store
        self.idleTimeout = idleTimeout
        self.absoluteLifetime = absoluteLifetime
    }

    /// Opens a session for `userID`: the token for the cookie and the CSRF token for its forms (both shown once).
    package func create(for userID: UserID, now: Date) throws(EventStoreError) -> (token: String, csrf: String) {
        let token = SecretToken.make()
        let csrf = SecretToken.make()
        let absolute = now.addingTimeInterval(absoluteLifetime)
        try store.writing { db in
            try db.execute(
                """
                INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, absolute_expiry)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, SecretToken.digest(token), userID.description, csrf, UTCTimestamp.string(from: now),
                UTCTimestamp.string(from: now),
                UTCTimestamp.string(from: min(now.addingTimeInterval(idleTimeout), absolute)),
                UTCTimestamp.string(from: absolute))
        }
        return (token, csrf)
    }

    /// How far the clock must move before a request moves the idle expiry on (and writes): a page view then
    /// costs a read, not a write, while the idle timeout stays accurate to this margin (a minute, or a tenth
    /// of a short timeout).
    package var refreshInterval: TimeInterval { min(60, idleTimeout / 10) }

    /// The live session a cookie's token names, its idle expiry moved on; nil (and the session ended) when it
    /// has expired or its user is disabled or gone.
    package func resolve(token: String, now: Date) throws(EventStoreError) -> Session? {
        let digest = SecretToken.digest(token)
        enum Found {
            case none
            case ended
            case live(Session, needsRefresh: Bool)
        }
        let found = try store.snapshot { db -> Found in
            guard
                let row = try db.row("SELECT * FROM sessions WHERE token_hash = ?", digest),
                let userID = UserID(row["user_id"] as String),
                let created = UTCTimestamp.parse(row["created_at"] as String),
                let lastSeen = UTCTimestamp.parse(row["last_seen_at"] as String),
                let expires = UTCTimestamp.parse(row["expires_at"] as String),
                let absolute = UTCTimestamp.parse(row["absolute_expiry"] as String)
            else { return .none }
            guard now < expires, now < absolute, let summary = try UserQueries.user(userID, in: db), !summary.disabled
            else {
                return .ended
            }
            let mustChange = try Credentials.fetch(userID, in: db)?.mustChangePassword ?? false
            let refresh = now.timeIntervalSince(lastSeen) >= refreshInterval
            let newExpiry = refresh ? min(now.addingTimeInterval(idleTimeout), absolute) : expires
            return .live(
                Session(
                    user: AuthenticatedUser(summary, mustChangePassword: mustChange), csrfToken: row["csrf_token"],
                    createdAt: created, lastSeenAt: refresh ? now : lastSeen, expiresAt: newExpiry,
                    absoluteExpiry: absolute),
                needsRefresh: refresh)
        }
        switch found {
        case .none:
            return nil
        case .ended:
            try store.writing { db in
                try db.execute("DELETE FROM sessions WHERE token_hash = ?", digest)
            }
            return nil
        case .live(let session, let needsRefresh):
            if needsRefresh {
                try store.writing { db in
                    try db.execute(
                        "UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?",
                        UTCTimestamp.string(from: now), UTCTimestamp.string(from: session.expiresAt), digest)
                }
            }
            return session
        }
    }

    /// Ends one session (sign-out).
    package func destroy(token: String) throws(EventStoreError) {
        try store.writing { db in
            try db.execute("DELETE FROM sessions WHERE token_hash = ?", SecretToken.digest(token))
        }
    }

    /// Ends every session of a user (when disabled, or when the password changes); returns how many.
    @discardableResult
    package func destroyAll(for userID: UserID) throws(EventStoreError) -> Int {
        try store.writing { db in
            try db.rows("DELETE FROM sessions WHERE user_id = ? RETURNING user_id", userID.description).count
        }
    }

    /// Removes sessions that have expired; returns how many.
    @discardableResult
    package func purgeExpired(now: Date) throws(EventStoreError) -> Int {
        let text = UTCTimestamp.string(from: now)
        return try store.writing { db in
            try db.rows(
                "DELETE FROM sessions WHERE expires_at <= ? OR absolute_expiry <= ? RETURNING user_id", text, text
            ).count
        }
    }

    /// Whether a form's CSRF token equals the session's, in a time that does not depend on where they differ.
    package static func csrfMatches(_ given: String?, _ expected: String) -> Bool {
        guard let given, !given.isEmpty, !expected.isEmpty else { return false }
        return SecretToken.constantTimeEquals(given, expected)
    }
}

/// The session cookie's name and attributes: HttpOnly, SameSite=Strict, Path=/, and Secure behind TLS.
package enum SessionCookie {
    package static let name = "cdop_session"

    /// The Set-Cookie value that gives the browser `token` (a session cookie: it ends with the browser).
    package static func setCookie(_ token: String, secure: Bool) -> String {
        "\(name)=\(token); Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// The Set-Cookie value that removes the cookie (sign-out).
    package static func clearCookie(secure: Bool) -> String {
        "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }
}
