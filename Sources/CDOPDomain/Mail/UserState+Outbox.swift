import Foundation

extension UserState {
    /// The template of the email telling an account's owner that sign-ins to it are being held back.
    package static let throttleNoticeTemplate = "sign-in-held-back"

    /// The emails the account calls for: to its owner, a notice each time sign-ins to it began to be held back
    /// (one an episode; the decider decides when one begins).
    package var outboxEmails: [OutboxEmail] {
        guard exists else { return [] }
        return throttleNotices.enumerated().map { index, at in
            let id = "\(Self.throttleNoticeTemplate):\(index + 1)"
            let state: OutboxState =
                switch emailOutcomes[id] {
                case .sent?: .sent
                case .failed?: .failed
                case nil: .pending
                }
            return OutboxEmail(
                id: id, template: Self.throttleNoticeTemplate,
                recipient: .accountOwner(email: email, name: displayName),
                requestID: nil, reminderNumber: nil, createdAt: at, state: state)
        }
    }
}
