import CDOPDefinitions
import CDOPDomain
import CDOPMail
import CDOPProjections
import Foundation

extension EmailComposer {
    /// A notice to a member of staff about their own account (sign-ins to it are being held back): their name
    /// and username, the panel's, and whom to tell. Never the place the attempts came from, a password, or a case.
    package func composeAccountNotice(_ row: OutboxRow, state: UserState, now: Date) throws(Problem) -> MailMessage {
        guard let template = templates[row.template] else {
            throw Problem(description: "there is no email template \"\(row.template)\" in Workflows/emails")
        }
        guard state.exists, let address = row.recipientAddress else {
            throw Problem(description: "the staff account or its owner's address is not known")
        }
        let recipient: MailAddress
        do {
            recipient = try MailAddress(address, displayName: state.displayName)
        } catch {
            throw Problem(description: "the account owner's address is not a deliverable address")
        }
        let values: [String: String] = [
            "contactName": state.displayName,
            "username": state.username,
            "panelName": configuration.panelName,
            "coordinatorName": configuration.coordinatorName,
            "coordinatorEmail": configuration.coordinatorEmail,
            "recipientRole": "the account's owner",
            "link": configuration.baseURL.appendingPathComponent("sign-in").absoluteString,
        ]
        return try plainMessage(row, template: template, values: values, to: recipient, now: now)
    }
}
