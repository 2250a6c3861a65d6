/// The pair of commands that merge a confirmed duplicate: the shell decides both and appends their events
/// in one transaction.
package struct DuplicateMerge: Sendable {
    /// For the duplicate's stream: confirm it is the same death as the primary.
    package let onDuplicate: CaseCommand
    /// For the primary's stream: take in what the duplicate knew.
    package let onPrimary: CaseCommand

    /// The commands merging the case `duplicate` (in state `duplicateState`) into `primary`; nil when the
    /// duplicate was never notified.
    package init?(duplicate: CaseID, duplicateState: CaseState, primary: CaseID) {
        guard let notification = duplicateState.notification else { return nil }
        onDuplicate = .confirmDuplicate(primary: primary)
        onPrimary = .mergeDuplicate(from: duplicate, notification: notification, agencies: duplicateState.agencies)
    }
}
