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
        return try Engine(
            configuration: configuration, clock: clock, schedules: try DeclaredSchedules.load(configuration))
    }

    /// Who is acting: --as, else $CDOP_USER, else the login name; the role is the coordinator's at the CLI.
    var actorForCommand: Actor {
        let name =
            actor ?? ProcessInfo.processInfo.environment["CDOP_USER"] ?? ProcessInfo.processInfo.environment["USER"]
            ?? "cli"
        return Actor(name: name, role: "coordinator")
    }
}
