import CDOPDefinitions
import CDOPDomain
import Foundation
import Testing

@Suite("Email templates")
struct EmailTemplateTests {
    /// A value for every placeholder, as the mail layer would give.
    static let allValues: [String: String] = Dictionary(
        uniqueKeysWithValues: EmailPlaceholder.allCases.map { ($0.rawValue, "<\($0.rawValue)>") })

    @Test(
        "Every shipped template fills completely, giving its case's reference (or, about an account, the account and no case; about a year's return, its cases)"
    )
    func shippedTemplatesRender() throws {
        let set = try Shipped.load()
        #expect(set.templates.count >= 7)
        #expect(set.templates["sign-in-held-back"]?.isAboutAnAccount == true)
        for template in set.templates.values {
            let email = try template.render(values: Self.allValues)
            let text = email.subject + email.body
            #expect(!email.subject.contains("{{") && !email.body.contains("{{"), "\(template.name)")
            if template.isAboutAnAccount {
                #expect(text.contains("<username>") && !text.contains("<caseReference>"), "\(template.name)")
            } else if template.isAboutAYearsReturn {
                #expect(text.contains("<notReadyCases>") && !text.contains("<caseReference>"), "\(template.name)")
            } else {
                #expect(text.contains("<caseReference>") && !text.contains("<username>"), "\(template.name)")
            }
            #expect(!email.subject.contains("\n"))
        }
    }

    @Test("An email about a staff account may not name a case, and an email about a case may not give a username")
    func accountAndCaseEmailsStayApart() throws {
        let copy = try BrokenCopy()
        try copy.replace(
            "({{username}})", with: "({{username}}, case {{caseReference}})", in: "emails/sign-in-held-back.txt")
        try copy.replace(
            "Dear {{contactName}},", with: "Dear {{contactName}} ({{username}}),", in: "emails/reminder.txt")
        let problems = copy.problems()
        #expect(
            problems.one("Workflows/emails/sign-in-held-back.txt", "")?.reason.contains("must name no case") == true)
        #expect(problems.one("Workflows/emails/reminder.txt", "")?.reason.contains("{{username}}") == true)
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
