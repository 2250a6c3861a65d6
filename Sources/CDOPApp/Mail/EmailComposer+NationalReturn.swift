import CDOPDefinitions
import CDOPDomain
import CDOPMail
import CDOPProjections
import Foundation

extension EmailComposer {
    /// A reminder before a year's national return is due, to a member of the panel's staff: the year, the
    /// deadline, the cases not ready when the reminder fell (by reference, with what each lacks) and how many each
    /// reason holds back, and the national return page. Never a child's name.
    package func composeNationalReturnReminder(_ row: OutboxRow, state: NationalReturnLogState, now: Date)
        throws(Problem) -> MailMessage
    {
        guard let template = templates[row.template] else {
            throw Problem(description: "there is no email template \"\(row.template)\" in Workflows/emails")
        }
        guard let reminder = state.reminder(ofEmail: OutboxTables.emailID(row.outboxID)),
            let deadline = CalendarDate(iso: reminder.deadline)
        else {
            throw Problem(description: "the reminder this email belongs to is not recorded")
        }
        let cases = reminder.casesNotReady
        var values: [String: String] = [
            "reportingYear": ReportingYear.label(reminder.year),
            "returnDeadline": DayFormatter.long(deadline),
            "notReadyCount": String(cases.count),
            "notReadyCases": cases.map { line in
                "- \(line.caseReference): " + line.reasons.map(\.detail).joined(separator: " ")
            }.joined(separator: "\n"),
            "notReadyByReason": NotReadyReason.Kind.casesHeldBack(
                cases.map { Set($0.reasons.compactMap { NotReadyReason.Kind(rawValue: $0.kind) }) }
            ).map { "- \($0.kind.label): \($0.cases)" }.joined(separator: "\n"),
            "panelName": configuration.panelName,
            "coordinatorName": EmailWording.midSentence(configuration.coordinatorName),
            "coordinatorEmail": configuration.coordinatorEmail,
            "recipientRole": "the " + row.recipientRole,
        ]
        var page = URLComponents(
            url: configuration.baseURL.appendingPathComponent("panel").appendingPathComponent("national-return"),
            resolvingAgainstBaseURL: false)
        page?.queryItems = [URLQueryItem(name: "year", value: String(reminder.year))]
        values["link"] = page?.url?.absoluteString ?? configuration.baseURL.absoluteString
        return try plainMessage(row, template: template, values: values, to: try address(for: row), now: now)
    }
}
