import Foundation

/// An advisory lock on `<database>.lock`: the server holds it shared while it runs, and a restore takes it
/// exclusively, so a restore never swaps the file under a running server. The kernel releases it when the
/// process ends, however it ends.
package final class DatabaseLock: Sendable {
    private let descriptor: Int32

    package enum Mode: Sendable { case shared, exclusive }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Takes the lock without waiting, or throws `.databaseInUse` when another process holds it.
    package static func acquire(_ mode: Mode, for databasePath: String) throws(OperationsError) -> DatabaseLock {
        let path = databasePath + ".lock"
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .failed(step: "open \(path)", reason: String(cString: strerror(errno))) }
        guard flock(descriptor, (mode == .shared ? LOCK_SH : LOCK_EX) | LOCK_NB) == 0 else {
            close(descriptor)
            throw .databaseInUse(path: databasePath)
        }
        return DatabaseLock(descriptor: descriptor)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
