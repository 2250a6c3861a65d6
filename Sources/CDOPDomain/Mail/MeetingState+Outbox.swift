import Foundation

extension MeetingState {
    /// What an invitee's emails are known by in their ids (`invitation:KEY:SEQUENCE`, `cancellation:KEY`): a
    /// 64-bit FNV-1a hash of their email without case, so that no id (an outbox row's key, a recorded
    /// `meeting.emailSent.v1`) holds the address itself, which is sealed in the meeting's events.
    package static func emailKey(_ email: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in email.lowercased().utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "invitee-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// An outbox id as recorded, in today's form: ids recorded before the invitees' emails were hashed
    /// (`invitation:EMAIL:SEQUENCE`, `cancellation:EMAIL`) name the email, and are read as its key.
    package static func currentOutboxID(_ recorded: String) -> String {
        let parts = recorded.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch parts.first {
        case "invitation" where parts.count == 3 && parts[1].contains("@"):
            return "invitation:\(emailKey(parts[1])):\(parts[2])"
        case "cancellation" where parts.count == 2 && parts[1].contains("@"):
            return "cancellation:\(emailKey(parts[1]))"
        default:
            return recorded
        }
    }

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
            let key = Self.emailKey(invitee.email)
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
            let key = Self.emailKey(invitee.email)
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
                    requestID: nil, reminderNumber: self.sequence,
                    createdAt: withdrawnAt[invitee.email.lowercased()] ?? startsAt,
                    state: state(of: id, stillNeeded: !isHeld)))
        }
        return emails
    }
}
