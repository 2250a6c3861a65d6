import CDOPApp
import CDOPDomain
import CDOPStore
import CDOPTesting
import Foundation

/// An engine on a fresh database with a test clock at 1 June 2026.
struct AppFixture {
    let folder = TemporaryDirectory("cdop-app")
    let clock = TestClock(iso: "2026-06-01T09:00:00Z")
    let engine: Engine
    var random = SeededRandom(seed: 7)
    let coordinator = Actor(name: "casey.coordinator", role: "coordinator")

    init() throws {
        var configuration = AppConfiguration()
        configuration.databasePath = folder.path("cdop.sqlite")
        var options = EventStoreOptions()
        options.durability = .processCrash
        engine = try Engine(configuration: configuration, clock: clock, storeOptions: options)
    }

    var workflow: CaseWorkflow { engine.workflow }

    mutating func notification(
        forenames: String = "Alex", surname: String = "Testchild", nhs: String? = "9434765919", area: String = "NTH"
    ) -> DeathNotification {
        SyntheticPanel.notification(
            using: &random, died: CalendarDate(year: 2026, month: 5, day: 30)!,
            notified: CalendarDate(year: 2026, month: 5, day: 31)!, ageDays: 120, area: area, expectation: .unexpected,
            forenames: forenames, surname: surname, nhs: nhs)
    }

    /// Records Northgate Surgery (a GP) as involved with `caseID` through `workflow`, and returns the agency.
    @discardableResult
    func involveGP(in caseID: CaseID, through workflow: CaseWorkflow? = nil) throws -> AgencyID {
        let agency = AgencyID(UUID())
        try (workflow ?? self.workflow).execute(
            .recordAgencyInvolved(
                AgencyInvolvement(
                    agencyID: agency, agencyName: "Northgate Surgery", kind: .gp, contactEmail: "lead@gp.example.org")),
            on: caseID, by: coordinator)
        return agency
    }
}
