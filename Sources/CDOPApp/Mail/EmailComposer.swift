import CDOPDefinitions
import CDOPDomain
import CDOPMail
import CDOPPrimitives
import CDOPProjections
import Foundation

/// Writes an outbox email from its template: the values come from the form request and the panel's settings,
/// and there is no value for a child's name, date of birth or NHS number (email is not a secure channel).
package struct EmailComposer: Sendable {
    package let templates: [String: EmailTemplate]
    package let configuration: AppConfiguration
    package let links: PractitionerLinks

    package init(templates: [String: EmailTemplate], configuration: AppConfiguration, links: PractitionerLinks) {
        self.templates = templates
        self.configuration = configuration
        self.links = links
    }

    /// Why an email cannot be written; the dispatcher records it as a permanent failure.
    package struct Problem: Error, CustomStringConvertible {
        package var description: String
    }

    /// The message for an outbox row of a case, at `now`.
    package func compose(_ row: OutboxRow, state: CaseState, now: Date) throws(Problem) -> MailMessage {
        guard let template = templates[row.template] else {
            throw Problem(description: "there is no email template \"\(row.template)\" in Workflows/emails")
        }
        guard let caseID = state.caseID else { throw Problem(description: "the case does not exist") }
        let recipient = try address(for: row)
        var values: [String: String] = [
            "caseReference": caseID.reference,
            "panelName": configuration.panelName,
            "coordinatorName": EmailWording.midSentence(configuration.coordinatorName),
            "coordinatorEmail": configuration.coordinatorEmail,
            "recipientRole": "the " + row.recipientRole,
            "link": configuration.baseURL.appendingPathComponent("cases").appendingPathComponent(caseID.description)
                .absoluteString,
        ]
        if let requestText = row.requestID, let requestID = FormRequestID(requestText),
            let request = state.request(requestID)
        {
            values["agencyName"] = request.agencyName
            values["formName"] = request.formType.label
            values["dueDate"] = DayFormatter.long(request.dueDate)
            // A request sent on to a new contact no longer goes to the agency's named contact.
            let named = request.contactChanges.isEmpty ? state.involvement(of: request.agencyID)?.contactName : nil
            values["contactName"] = named ?? "colleague at \(request.agencyName)"
            values["daysOverdue"] = String(max(0, request.dueDate.days(until: LondonTime.day(of: now))))
            if row.recipientAddress != nil {
                // The agency's contact gets the practitioner's link to this one request.
                let issued = state.links.filter { $0.requestID == requestID }
                guard let link = issued.last else {
                    throw Problem(description: "no secure link was issued for the request")
                }
                values["link"] = links.url(for: links.token(for: requestID, issue: issued.count)).absoluteString
                values["linkExpires"] = DayFormatter.long(link.expiresAt)
            }
        }
        if let number = row.reminderNumber { values["reminderNumber"] = String(number) }
        if let target = Self.target(of: row, in: state, caseID: caseID) {
            values["meetingTitle"] = target.title
            values["dueDate"] = DayFormatter.long(target.dueAt)
        }
        if case .requestErasure? = Self.step(of: row, in: state, caseID: caseID)?.step.action {
            // The end of a retention period is approved or declined on the case's privacy page.
            values["link"] =
                configuration.baseURL.appendingPathComponent("cases")
                .appendingPathComponent(caseID.description).appendingPathComponent("privacy").absoluteString
        }
        if row.template == "delivery-failure", let failedID = row.outboxID.split(separator: ":", maxSplits: 1).last {
            if case .failed(let reason, _)? = state.emailOutcomes[String(failedID)] { values["failureReason"] = reason }
            values["contactName"] = Self.failedRecipient(String(failedID), in: state)
        }
        if row.template == "ncmd-delivery-failure", let key = row.outboxID.split(separator: ":", maxSplits: 1).last,
            let delivery = state.nationalReturnDeliveries.first(where: { $0.key == key })
        {
            values["failureReason"] = delivery.lastError ?? "no reason was recorded"
        }
        return try plainMessage(row, template: template, values: values, to: recipient, now: now)
    }

    /// A plain-text email from the panel (replies to the coordinator) with `template` filled from `values`; its
    /// Message-ID is derived from the outbox id, so a resend carries the same one.
    func plainMessage(
        _ row: OutboxRow, template: EmailTemplate, values: [String: String], to recipient: MailAddress, now: Date
    ) throws(Problem) -> MailMessage {
        let rendered: (subject: String, body: String)
        do {
            rendered = EmailWording.tidy(try template.render(values: values))
        } catch {
            throw Problem(description: "the template \(row.template) cannot be filled: \(error)")
        }
        do {
            let domain = configuration.mail.sender.address.split(separator: "@").last.map(String.init) ?? "localhost"
            return MailMessage(
                from: try MailAddress(configuration.mail.sender.address, displayName: configuration.panelName),
                to: [recipient],
                replyTo: try? MailAddress(configuration.coordinatorEmail, displayName: configuration.coordinatorName),
                subject: rendered.subject, date: now,
                messageID: try MessageID(eventID: NameBasedUUID.make("outbox|" + row.outboxID), domain: domain),
                textBody: rendered.body)
        } catch {
            throw Problem(description: "the message cannot be addressed: \(error)")
        }
    }

    /// The target a target step's email is about ("step:<timer id>:<role>"): its name in words and its deadline
    /// (the last planned step of that target).
    static func target(of row: OutboxRow, in state: CaseState, caseID: CaseID) -> (title: String, dueAt: Date)? {
        guard let (run, step) = self.step(of: row, in: state, caseID: caseID),
            case .target(let name, _) = step.action
        else { return nil }
        let deadline =
            run.steps.compactMap { planned -> Date? in
                if case .target(name, _) = planned.action { return planned.dueAt } else { return nil }
            }.max() ?? step.dueAt
        return (targetTitle(name), deadline)
    }

    /// The schedule step a step's email ("step:<timer id>:<role>") was sent for, with its schedule.
    static func step(of row: OutboxRow, in state: CaseState, caseID: CaseID) -> (run: ScheduleRun, step: PlannedStep)? {
        let parts = row.outboxID.split(separator: ":")
        guard parts.count == 3, parts[0] == "step" else { return nil }
        for run in state.schedules {
            for step in run.steps
            where TimerID.make(caseID: caseID, run: run, step: step.name).lowercasedText == parts[1] {
                return (run, step)
            }
        }
        return nil
    }

    /// Whom an undelivered email of the case was for, in words and without an address: "Dr Jo Example at
    /// Northgate Surgery", "the designated doctor".
    static func failedRecipient(_ outboxID: String, in state: CaseState) -> String {
        guard let email = state.outboxEmails.first(where: { $0.id == outboxID }) else { return "its recipient" }
        switch email.recipient {
        case .agencyContact(_, let agencyName):
            let request = email.requestID.flatMap(state.request)
            let named = request.flatMap {
                $0.contactChanges.isEmpty ? state.involvement(of: $0.agencyID)?.contactName : nil
            }
            return (named ?? "the contact") + " at " + agencyName
        case .invitee(_, let name), .accountOwner(_, let name): return name
        case .role: return "the " + email.recipient.roleName
        }
    }

    /// A target's name as an email says it.
    static func targetTitle(_ name: String) -> String {
        switch name {
        case "jar-meeting": "the Joint Agency Response meeting"
        case "child-death-review-meeting": "the child death review meeting"
        case "panel-review": "the panel's review"
        default: "the " + name.replacingOccurrences(of: "-", with: " ")
        }
    }

    /// The recipient's address: the agency contact's from the case, or the panel's address for a role.
    func address(for row: OutboxRow) throws(Problem) -> MailAddress {
        let text: String
        if let address = row.recipientAddress {
            text = address
        } else {
            switch row.recipientRole {
            case "coordinator": text = configuration.coordinatorEmail
            case "designated doctor": text = configuration.designatedDoctorEmail
            case "panel chair": text = configuration.panelChairEmail
            default: throw Problem(description: "no address is configured for the \(row.recipientRole)")
            }
        }
        do {
            return try MailAddress(text)
        } catch {
            throw Problem(description: "\"\(text)\" is not a deliverable address")
        }
    }
}
