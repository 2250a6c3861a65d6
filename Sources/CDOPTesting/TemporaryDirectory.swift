import Foundation

/// A fresh folder under the system's temporary directory, removed when the value is released.
///
/// Tests run in parallel; each gets its own folder, so its own SQLite file, spool and sockets.
package final class TemporaryDirectory: Sendable {
    package let url: URL

    package init(_ label: String = "cdop-test") {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the folder.
    package func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    deinit {
        if ProcessInfo.processInfo.environment["CDOP_KEEP_TEST_FILES"] == nil {
            try? FileManager.default.removeItem(at: url)
        }
    }
}
