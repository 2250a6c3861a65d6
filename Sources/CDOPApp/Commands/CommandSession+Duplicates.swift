import CDOPDomain
import CDOPProjections
import CDOPStore

extension CommandSession {
    /// The earliest case `notification` may notify again, found as a notification finds it: the duplicate
    /// index gives the candidates (a shared date of birth and death is enough), and `DuplicateMatcher`'s rules
    /// decide. Read under the command's write lock, so two notifications of one child cannot miss each other.
    package func possibleDuplicate(of notification: DeathNotification, excluding caseID: CaseID) throws(CommandError)
        -> CaseID?
    {
        let candidates: [CaseID]
        do {
            candidates = try CaseQueries.duplicateCandidates(
                for: DuplicateMatcher.keys(for: notification), excluding: caseID, in: db)
        } catch {
            throw .store(.storage(code: -1, message: "duplicate lookup failed: \(error)"))
        }
        for candidate in candidates {
            let (existing, _) = try state(of: CaseDecider.self, candidate.streamID)
            if let earlier = existing.notification, DuplicateMatcher.match(notification, earlier) != nil {
                return candidate
            }
        }
        return nil
    }
}
