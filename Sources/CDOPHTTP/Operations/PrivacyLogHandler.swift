import CDOPDomain
import Foundation
import Logging

/// The only log handler `cdop serve` installs: one line per message, and nothing personal in it.
///
/// cdop's own messages are constant text with ids and counts as metadata; libraries' messages may interpolate
/// values, so every message is scrubbed: quoted text and runs of three or more digits (NHS numbers, dates,
/// phone numbers) are masked, and only metadata keys on the allow-list are printed, each value scrubbed too.
package struct PrivacyLogHandler: LogHandler {
    package var logLevel: Logger.Level = .info
    package var metadata: Logger.Metadata = [:]
    private let label: String
    private let write: @Sendable (String) -> Void

    /// Metadata keys that carry no personal data: ids, counts, methods, states, error codes.
    package static let allowedKeys: Set<String> = [
        "hb.request.id", "hb.request.method", "hb.connections", "cdop.port", "cdop.count", "cdop.code",
        "cdop.service", "cdop.status",
    ]

    package init(label: String, write: @escaping @Sendable (String) -> Void = PrivacyLogHandler.standardError) {
        self.label = label
        self.write = write
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        write(Self.line(level: event.level, label: label, message: "\(event.message)", metadata: merged, at: Date()))
    }

    /// The printed line: `2026-11-23T16:30:00Z info cdop: message key=value`. Pure, for tests.
    package static func line(
        level: Logger.Level, label: String, message: String, metadata: Logger.Metadata, at date: Date
    ) -> String {
        let shown = metadata.filter { allowedKeys.contains($0.key) }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }
        let hidden = metadata.count - shown.count
        var parts = [Timestamp.format(date), level.rawValue, "\(label):", scrub(message)] + shown
        if hidden > 0 { parts.append("(+\(hidden) metadata hidden)") }
        return parts.joined(separator: " ")
    }

    /// Masks quoted text and runs of three or more digits.
    package static func scrub(_ text: String) -> String {
        text.replacing(/"[^"]*"|'[^']*'/, with: "\"…\"").replacing(/[0-9][0-9 -]{1,}[0-9]/, with: "#")
    }

    package static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
