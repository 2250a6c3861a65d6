import CDOPHTTP
import Foundation
import Logging
import Testing

/// The server's log handler prints no personal data, whatever a library puts in a message or its metadata.
@Suite("The privacy-keeping log handler")
struct PrivacyLogHandlerTests {
    static let moment = Date(timeIntervalSince1970: 1_790_000_000)

    @Test("Metadata is printed only for allow-listed keys; the rest is counted, never shown")
    func onlyAllowListedMetadataIsPrinted() {
        let line = PrivacyLogHandler.line(
            level: .info, label: "cdop", message: "Request",
            metadata: [
                "hb.request.method": "POST", "hb.request.path": "/forms/SECRET-TOKEN", "child.name": "Alex Testchild",
            ],
            at: Self.moment)
        #expect(line.contains("hb.request.method=POST"))
        #expect(!line.contains("SECRET-TOKEN") && !line.contains("Testchild"))
        #expect(line.hasSuffix("(+2 metadata hidden)"))
    }

    @Test(
        "Quoted text and digit runs in a message are masked",
        arguments: [
            ("Decode Error: value \"Alex Testchild\" is invalid", "Testchild"),
            ("NHS number 943 476 5919 failed the check", "5919"),
            ("born 2026-07-02", "2026-07-02"),
            ("name 'Zoë Example' rejected", "Zoë"),
        ])
    func messagesAreScrubbed(message: String, secret: String) {
        let line = PrivacyLogHandler.line(
            level: .debug, label: "cdop", message: message, metadata: [:], at: Self.moment)
        #expect(!line.contains(secret), "\(line)")
    }

    @Test("A logger through the handler writes one scrubbed line per message at or above its level")
    func handlerWritesThroughTheLogger() {
        let lines = LockedLines()
        var handler = PrivacyLogHandler(label: "cdop", write: { lines.append($0) })
        handler.logLevel = .info
        let logger = Logger(label: "cdop") { _ in handler }
        logger.debug("not shown")
        logger.info("dispatched", metadata: ["cdop.count": "3", "recipient": "sam@example.org"])
        #expect(lines.all.count == 1)
        #expect(
            lines.all.first?.contains("info cdop: dispatched cdop.count=3 (+1 metadata hidden)") == true, "\(lines.all)"
        )
    }
}

final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
