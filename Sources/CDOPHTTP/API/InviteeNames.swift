import CDOPApp
import CDOPDomain
import Foundation
import HTTPTypes

/// Invitees' names checked with the domain's own rule (`DisplayName`) before a meeting command runs, so that a
/// name that could never be mailed comes back beside its field (a page's row, a JSON Pointer) rather than as
/// the command's refusal. The domain refuses such a name anyway, for the command line and any other caller.
enum InviteeNames {
    /// The domain's refusal of the name of invitee `index` (counting from 0), or nil when it can be mailed.
    static func refusal(_ name: String, index: Int) -> DomainError? {
        do {
            try DisplayName.check(name.trimmingCharacters(in: .whitespaces), field: "name of invitee \(index + 1)")
            return nil
        } catch {
            return error
        }
    }

    /// Throws a 422 problem naming every invitee whose name cannot be mailed, at `pointer(index)`.
    static func requireMailable(_ invitees: [Invitee], pointer: (Int) -> String) throws {
        let refused = invitees.enumerated().compactMap { index, invitee in
            refusal(invitee.name, index: index).map { (index, $0) }
        }
        guard !refused.isEmpty else { return }
        throw Problem(
            status: .unprocessableContent, code: "input.invalidName", title: "A name cannot be used in an email",
            detail: refused.map(\.1.description).joined(separator: " "),
            errors: refused.map { Problem.FieldProblem(pointer: pointer($0.0), detail: $0.1.description) })
    }
}
