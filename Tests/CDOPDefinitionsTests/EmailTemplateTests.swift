import CDOPDefinitions
import CDOPDomain
import Foundation
import Testing

@Suite("Email templates")
struct EmailTemplateTests {
    /// A value for every placeholder, as the mail layer would give.
    static let allValues: [String: String] = Dictionary(
        uniqueKeysWithValues: EmailPlaceholder.allCases.map { ($0.rawValue, "<\($0.rawValue)>") })

    @Test("Every shipped template fills completely, giving the case reference and no unfilled slot")
    func shippedTemplatesRender() throws {
        let set = try Shipped.load()
        #expect(set.templates.count >= 6)
        for template in set.templates.values {
            let email = try template.render(values: Self.allValues)
            #expect(!email.subject.contains("{{") && !email.body.contains("{{"), "\(template.name)")
            #expect((email.subject + email.body).contains("<caseReference>"), "\(template.name)")
            #expect(!email.subject.contains("\n"))
        }
    }

    @Test("The placeholders offer no child's name, date of birth or NHS number")
    func noIdentifyingPlaceholders() {
        for placeholder in EmailPlaceholder.allCases {
            let name = placeholder.rawValue.lowercased()
            #expect(
                !name.contains("child") && !name.contains("birth") && !name.contains("nhs") && !name.contains("dob"))
        }
    }

    @Test("Rendering fills each placeholder and refuses a missing value, naming it")
    func render() throws {
        let template = try EmailTemplate.parse(
            "Subject: Form needed for {{caseReference}}\n\nDear {{ contactName }},\nplease use {{link}}.\n",
            name: "note"
        ).get()
        #expect(template.placeholders == [.caseReference, .contactName, .link])
        let email = try template.render(values: [
            "caseReference": "CDOP-2026-0042", "contactName": "Dr Okafor", "link": "https://x/f/abc",
        ])
        #expect(email.subject == "Form needed for CDOP-2026-0042")
        #expect(email.body == "Dear Dr Okafor,\nplease use https://x/f/abc.\n")
        #expect(
            throws: EmailTemplate.RenderError.missingValues(template: "note", placeholders: ["contactName", "link"])
        ) {
            try template.render(values: ["caseReference": "CDOP-2026-0042"])
        }
        #expect(throws: EmailTemplate.RenderError.lineBreakInSubject(template: "note", placeholder: "caseReference")) {
            try template.render(values: [
                "caseReference": "X\r\nBcc: someone@example.org", "contactName": "A", "link": "L",
            ])
        }
    }

    @Test(
        "A placeholder for the child's identity, or any unknown one, is refused at its line",
        arguments: ["childName", "dateOfBirth", "nhsNumber", "casereference"])
    func unknownPlaceholder(name: String) throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "Dear {{contactName}},", with: "Dear {{contactName}}, about {{\(name)}}", in: "emails/reminder.txt")
        let problem = try #require(copy.problems().one("Workflows/emails/reminder.txt", "body"))
        #expect(problem.line == 3)
        #expect(problem.reason.contains("unknown placeholder {{\(name)}}"))
        #expect(problem.reason.contains("email is not a secure channel"))
    }

    @Test("A template without a subject line, with an unclosed slot, or missing altogether is named")
    func malformedTemplates() throws {
        let copy = try BrokenCopy()
        try copy.replace("Subject: ", with: "Re: ", in: "emails/escalation.txt")
        try copy.replace("{{meetingPlace}}", with: "{{meetingPlace", in: "emails/meeting-invitation.txt")
        try copy.remove("emails/delivery-failure.txt")
        let problems = copy.problems()
        #expect(
            problems.one("Workflows/emails/escalation.txt", "subject")?.reason.contains(
                "first line must be the subject") == true)
        #expect(
            problems.contains {
                $0.file == "Workflows/emails/meeting-invitation.txt" && $0.reason.contains("not closed")
            })
        #expect(problems.one("Workflows/emails/delivery-failure.txt", "")?.reason.contains("missing") == true)
    }

    @Test("A request or reminder without the practitioner's link is refused")
    func linkRequired() throws {
        let copy = try BrokenCopy()
        try copy.replace("{{link}}", with: "(link)", in: "emails/request.txt")
        #expect(
            copy.problems().one("Workflows/emails/request.txt", "body")?.reason.contains("never gives {{link}}") == true
        )
    }
}
