import CDOPApp
import CDOPDefinitions
import CDOPMail
import CDOPProjections
import CDOPStore
import Foundation

/// GET /healthz: can cdop do its work? The database takes a write, the definitions are loaded, and mail can
/// leave (the SMTP server answers, or the spool folder is writable). Counts and states only: no personal data.
struct HealthCheck: Sendable {
    struct Item: Sendable, Codable, Equatable {
        var ok: Bool
        var detail: String
    }

    struct Report: Sendable, Codable, Equatable {
        var status: String
        var checks: [String: Item]
        var healthy: Bool { checks.values.allSatisfy(\.ok) }
    }

    let services: WebServices

    func run() async -> Report {
        var checks: [String: Item] = [:]
        checks["database"] = await database()
        checks["definitions"] = definitions()
        checks["mail"] = await mail()
        let healthy = checks.values.allSatisfy(\.ok)
        return Report(status: healthy ? "ok" : "unavailable", checks: checks)
    }

    /// Enough free disk, then a real write: an IMMEDIATE transaction that asks for new pages (rolled back) and
    /// updates the probe's own checkpoint row and commits. A full disk or database fails one or the other.
    private func database() async -> Item {
        let configuration = services.engine.configuration
        if let free = StorageProbe.freeMegabytes(near: configuration.databasePath),
            free < configuration.minimumFreeMegabytes
        {
            return Item(
                ok: false,
                detail:
                    "disk nearly full: \(free) MB free where the database is, below the \(configuration.minimumFreeMegabytes) MB needed"
            )
        }
        do {
            try await services.engine.store.queuedWriting { db in
                try StorageProbe.needsNewPages(in: db)
                try Checkpoints.save("health.probe", position: 0, in: db)
            }
            return Item(ok: true, detail: "writable")
        } catch {
            return Item(ok: false, detail: "cannot write: \(error)")
        }
    }

    private func definitions() -> Item {
        // The catalogue cannot exist without its three main forms; count what else was loaded with them.
        let forms = 3 + services.definitions.forms.supplementary.count
        let templates = services.definitions.templates.count
        let schedules = services.definitions.schedules.count
        let ok = templates > 0 && schedules > 0
        return Item(ok: ok, detail: "\(forms) forms, \(schedules) schedules, \(templates) email templates")
    }

    private func mail() async -> Item {
        switch services.engine.configuration.mail.delivery {
        case .smtp(let settings):
            let reachable = await TCPProbe.reachable(host: settings.url.host, port: settings.url.port)
            return Item(ok: reachable, detail: reachable ? "SMTP server reachable" : "SMTP server not reachable")
        case .spool(let directory):
            // The spool makes its folder on first use: until then, its nearest existing parent must be writable.
            var folder = URL(fileURLWithPath: directory)
            while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" {
                folder.deleteLastPathComponent()
            }
            let writable = FileManager.default.isWritableFile(atPath: folder.path)
            return Item(ok: writable, detail: writable ? "spooling to a folder" : "the spool folder is not writable")
        }
    }
}
