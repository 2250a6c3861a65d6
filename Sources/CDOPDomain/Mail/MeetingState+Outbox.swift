import Foundation

extension MeetingState {
    /// The emails the meeting calls for: to each invitee, the invitation at the meeting's current sequence (an
    /// update replaces one not yet sent), and a cancellation when the meeting is cancelled. Nothing once held.
    /// Someone whose invitation was taken back after it was sent gets a cancellation of their own.
    package var outboxEmails: [OutboxEmail] {
        guard exists, let startsAt else { return [] }
        var emails: [OutboxEmail] = []
        func state(of id: String, stillNeeded: Bool) -> OutboxState {
            switch emailOutcomes[id] {
            case .sent?: .sent
            case .failed?: .failed
            case nil: stillNeeded ? .pending : .cancelled
            }
        }
        for invitee in invitees {
            let key = invitee.email.lowercased()
            for sequence in 0...self.sequence {
                let id = "invitation:\(key):\(sequence)"
                // Earlier sequences only stand when they were actually sent or failed.
                let current = sequence == self.sequence && !isCancelled && !isHeld
                guard current || emailOutcomes[id] != nil else { continue }
                emails.append(
                    OutboxEmail(
                        id: id, template: "meeting-invitation",
                        recipient: .invitee(email: invitee.email, name: invitee.name),
                        requestID: nil, reminderNumber: sequence, createdAt: sequenceIssuedAt[sequence] ?? startsAt,
                        state: state(of: id, stillNeeded: current)))
            }
            if isCancelled {
                let id = "cancellation:\(key)"
                emails.append(
                    OutboxEmail(
                        id: id, template: "meeting-invitation",
                        recipient: .invitee(email: invitee.email, name: invitee.name),
                        requestID: nil, reminderNumber: self.sequence, createdAt: cancelledAt ?? startsAt,
                        state: state(of: id, stillNeeded: true)))
            }
        }
        for invitee in withdrawn {
            let key = invitee.email.lowercased()
            var sent = false
            for sequence in 0...self.sequence {
                let id = "invitation:\(key):\(sequence)"
                guard let outcome = emailOutcomes[id] else { continue }
                if case .sent = outcome { sent = true }
                emails.append(
                    OutboxEmail(
                        id: id, template: "meeting-invitation",
                        recipient: .invitee(email: invitee.email, name: invitee.name),
                        requestID: nil, reminderNumber: sequence, createdAt: sequenceIssuedAt[sequence] ?? startsAt,
                        state: state(of: id, stillNeeded: false)))
            }
            guard sent else { continue }
            let id = "cancellation:\(key)"
            emails.append(
                OutboxEmail(
                    id: id, template: "meeting-invitation",
                    recipient: .invitee(email: invitee.email, name: invitee.name),
                    requestID: nil, reminderNumber: self.sequence, createdAt: withdrawnAt[key] ?? startsAt,
                    state: state(of: id, stillNeeded: !isHeld)))
        }
        return emails
    }
}
