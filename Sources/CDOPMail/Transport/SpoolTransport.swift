import CDOPPrimitives
import Foundation

/// Writes each message into a directory as `<name derived from the Message-ID>.eml`: the default when no SMTP
/// server is configured. Each file is written to a temporary name and renamed into place, so a reader never
/// sees half a message; the same Message-ID always lands in the same file, so a resend replaces it.
package struct SpoolTransport: MailTransport {
    package let directory: String

    package init(directory: String) {
        self.directory = directory
    }

    package func send(
        _ message: RenderedMail, envelope: MailEnvelope
    ) async throws(MailTransportError) -> MailDeliveryReceipt {
        // File writes and fsync block; they run on a dispatch queue, not on Swift's cooperative threads.
        let directory = self.directory
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<String, MailTransportError>, Never>) in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(returning: Self.store(message, in: directory))
            }
        }
        let file = try result.get()
        return MailDeliveryReceipt(
            messageID: message.messageID, recipients: envelope.recipients, route: .spool(file: file))
    }

    /// Writes the message to a temporary file, fsyncs it and renames it into place; returns the file's path.
    private static func store(_ message: RenderedMail, in directory: String) -> Result<String, MailTransportError> {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        let name = fileName(for: message.messageID)
        let target = folder.appendingPathComponent(name)
        let temporary = folder.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return .failure(.spoolFailed(path: target.path, detail: describe(error)))
        }
        if let failure = writeDurably(message.data, to: temporary.path) {
            try? FileManager.default.removeItem(at: temporary)
            return .failure(.spoolFailed(path: target.path, detail: failure))
        }
        // rename(2) replaces an existing file atomically: a reader sees the old message or the new one.
        if rename(temporary.path, target.path) != 0 {
            let detail = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            return .failure(.spoolFailed(path: target.path, detail: detail))
        }
        return .success(target.path)
    }

    /// The file name for a Message-ID: the id itself when it is made only of letters, digits and `._@-+=`;
    /// otherwise those characters, others replaced by `_`, and a hash of the whole id to keep names distinct.
    package static func fileName(for messageID: MessageID) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@-+=")
        let value = messageID.value
        if value.allSatisfy(safe.contains), !value.hasPrefix("."), value.utf8.count <= 200 {
            return value + ".eml"
        }
        let cleaned = String(value.map { safe.contains($0) ? $0 : "_" }.prefix(180).drop(while: { $0 == "." }))
        return "\(cleaned)-\(FNV1a.hex(value)).eml"
    }

    /// Writes and fsyncs a new file; returns the system's reason on failure.
    private static func writeDurably(_ data: Data, to path: String) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o640)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        var failure: String?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        return failure
    }

    private static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }
}
