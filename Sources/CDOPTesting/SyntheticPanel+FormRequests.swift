import CDOPApp
import CDOPDomain
import Foundation

extension SyntheticPanel {
    /// The first `agencies` synthetic agencies registered on `engine`, then `cases` expected deaths notified on
    /// the engine's day, each with a Form B requested from every one of those agencies (due in 14 days): the
    /// cases made.
    @discardableResult
    package static func casesWithFormRequests(
        on engine: Engine, today: CalendarDate, cases: Int, agencies: Int = 4, seed: UInt64,
        by coordinator: Actor = Actor(name: "coordinator", role: "coordinator")
    ) throws -> [CaseID] {
        var random = SeededRandom(seed: seed)
        let registered = try Self.agencies.prefix(agencies).map { entry in
            let id = AgencyID(UUID())
            try engine.workflow.execute(
                .register(
                    agencyID: id, name: entry.name, kind: entry.kind,
                    contacts: [AgencyContact(name: "Lead", email: email(of: entry.name), isLead: true)]),
                on: id, by: coordinator)
            return (id, entry.name, entry.kind)
        }
        return try (0..<cases).map { _ in
            let caseID = try engine.workflow.notify(
                notification(
                    using: &random, died: today.adding(days: -1), notified: today, ageDays: 300, area: "NTH",
                    expectation: .expected),
                by: coordinator
            ).caseID
            for (id, name, kind) in registered {
                try engine.workflow.execute(
                    .recordAgencyInvolved(
                        AgencyInvolvement(agencyID: id, agencyName: name, kind: kind, contactEmail: email(of: name))),
                    on: caseID, by: coordinator)
                try engine.workflow.execute(
                    .requestForm(
                        requestID: FormRequestID(UUID()), agencyID: id, formType: .reporting,
                        contactEmail: email(of: name), dueDate: today.adding(days: 14), schedule: nil),
                    on: caseID, by: coordinator)
            }
            return caseID
        }
    }
}
