import CDOPApp
import Foundation

extension DemoAccounts {
    /// The file beside the database that holds the demo's passwords when they are not shown on a terminal.
    package static let fileName = "demo-accounts.txt"

    /// Why the accounts file could not be written (the path only; never its content).
    package struct FileProblem: Error, CustomStringConvertible {
        package var path: String
        package var code: Int32

        package var description: String {
            "The demo accounts could not be written to \(path) (\(String(cString: strerror(code)))); "
                + "reset the passwords with `cdop user reset-password USERNAME`."
        }
    }

    /// Writes `accounts` (passwords and the authenticator secret) to `demo-accounts.txt` beside `databasePath`,
    /// readable and writable by this user only (mode 0600, set before a byte is written), replacing any earlier
    /// one; returns its path.
    package static func writeFile(_ accounts: [Account], besideDatabase databasePath: String) throws(FileProblem)
        -> String
    {
        let path = URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent(fileName).path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileProblem(path: path, code: errno) }
        defer { close(descriptor) }
        // An earlier file may have been made with other permissions: narrow them before writing.
        guard fchmod(descriptor, 0o600) == 0 else { throw FileProblem(path: path, code: errno) }
        let bytes = Array((lines(accounts).joined(separator: "\n") + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw FileProblem(path: path, code: errno) }
            written += count
        }
        return path
    }

    /// The line printed instead of the passwords when they went to the file.
    package static func fileNotice(_ path: String) -> String {
        "Demo accounts: their passwords and the administrator's authenticator secret are in \(path) "
            + "(readable by this user only; each password must be changed at first sign-in)."
    }
}
