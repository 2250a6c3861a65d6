import CDOPDomain
import CDOPPrivacy
import Foundation

/// Erasure on two people's word: one asks (or the retention schedule does), a different person approves (two
/// approvals in all), and only then is every person named erased, each through `PersonalDataErasure`, and the
/// erasure recorded as carried out. An approval whose carrying out was cut short (a crash) is finished by
/// approving again.
package struct ErasureApprovals {
    /// What an approval did.
    package struct Outcome: Sendable, Equatable, Codable {
        /// Different people who have approved so far.
        package var approvals: Int
        /// The roles erased now (empty until the second approval).
        package var erased: [String]
    }

    let engine: Engine

    package init(engine: Engine) { self.engine = engine }

    /// Asks for the erasure of `roles` in the case (empty: everyone it names); the person asking is the first
    /// approval.
    package func request(caseID: CaseID, roles: [String], reason: String, by actor: Actor) throws {
        try engine.workflow.execute(
            .requestErasure(roles: roles, reason: reason, by: actor.name), on: caseID, by: actor)
    }

    /// Records `actor`'s approval; at the second different person's, carries the erasure out.
    package func approve(caseID: CaseID, by actor: Actor, now: Date) throws -> Outcome {
        let before = try engine.workflow.caseState(caseID).erasureApproval
        if before?.isApproved != true {
            try engine.workflow.execute(.approveErasure(by: actor.name), on: caseID, by: actor)
        }
        guard let pending = try engine.workflow.caseState(caseID).erasureApproval else {
            throw CommandError.rejected(
                DomainError(code: "erasure.notRequested", "No erasure has been asked for on this case."))
        }
        guard pending.isApproved else { return Outcome(approvals: pending.approvedBy.count, erased: []) }
        let roles = try pending.roles.isEmpty ? rolesNamed(in: caseID) : pending.roles
        let erasure = PersonalDataErasure(engine: engine)
        for role in roles {
            _ = try erasure.erase(caseID: caseID, role: role, reason: pending.reason, by: actor, now: now)
        }
        try engine.workflow.execute(.recordErasureCarriedOut(roles: roles), on: caseID, by: actor)
        return Outcome(approvals: pending.approvedBy.count, erased: roles)
    }

    /// Declines the erasure asked for.
    package func decline(caseID: CaseID, reason: String, by actor: Actor) throws {
        try engine.workflow.execute(.declineErasure(by: actor.name, reason: reason), on: caseID, by: actor)
    }

    /// Every person the case holds personal data of: the roles with a key, the child always among them.
    package func rolesNamed(in caseID: CaseID) throws -> [String] {
        guard let keyring = PersonalDataProtection.keyring(of: engine.store) else {
            throw PersonalDataErasure.Problem.noKeys
        }
        let prefix = caseID.streamID + "/"
        let roles = try keyring.subjects().filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        return Array(Set(roles + ["child"])).sorted()
    }
}
