import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

extension GlobalOptions {
    /// The engine on the configured database, with the declared schedules, on `clock`.
    func engine(clock: any AppClock = SystemClock()) throws -> Engine {
        let configuration = try configuration()
        return try Engine(configuration: configuration, clock: clock, schedules: try DeclaredSchedules.load(configuration))
    }

    /// Who is acting: --as, else $CDOP_USER, else the login name; the role is the coordinator's at the CLI.
    var actorForCommand: Actor {
        let name = actor ?? ProcessInfo.processInfo.environment["CDOP_USER"] ?? ProcessInfo.processInfo.environment["USER"] ?? "cli"
        return Actor(name: name, role: "coordinator")
    }
}

extension Engine {
    /// The case a person means by `text` (id, CDOP reference or unambiguous prefix), or a clear error.
    func resolveCase(_ text: String) throws -> CaseID {
        let result = try store.read { db -> Result<CaseID, ResolveFailure> in
            let resolved = try CaseQueries.resolve(text, in: db)
            // A full id resolves without a lookup: it must still name a case that was notified.
            if case .success(let id) = resolved, try CaseQueries.summary(id, in: db) == nil { return .failure(.notFound) }
            return resolved
        }
        switch result {
        case .success(let id): return id
        case .failure(.notFound): throw CommandError.notFound(kind: "case", reference: text)
        case .failure(.ambiguous(let count)): throw CommandError.ambiguous(kind: "case", reference: text, matches: count)
        }
    }
}
