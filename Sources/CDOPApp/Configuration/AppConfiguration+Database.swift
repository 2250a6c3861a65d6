import CDOPMail
import Foundation

extension AppConfiguration {
    /// Works on the database at `path` (`--db`). Unless `CDOP_SPOOL_DIR` named one, mail is spooled to `outbox/`
    /// beside that database rather than to `var/outbox` of the working directory, so a database's mail stays
    /// with it (`cdop demo --db /tmp/x/cdop.sqlite` spools to `/tmp/x/outbox`); so are national returns written
    /// to `ncmd/` beside it unless `CDOP_NCMD_DIR` named a directory.
    package mutating func useDatabase(at path: String) {
        databasePath = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        if !nationalReturn.directoryGiven, case .directory = nationalReturn.adapter {
            nationalReturn.adapter = .directory(folder.appendingPathComponent("ncmd").path)
        }
        guard !spoolDirectoryGiven, case .spool = mail.delivery else { return }
        mail.delivery = .spool(directory: folder.appendingPathComponent("outbox").path)
    }
}
