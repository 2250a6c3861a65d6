import CDOPMail
import Foundation

/// Synthetic people and messages for the mail tests (all names invented).
enum Fixtures {
    static func address(_ text: String, _ name: String? = nil) -> MailAddress {
        do { return try MailAddress(text, displayName: name) } catch { fatalError("\(error)") }
    }

    static let coordinator = address("coordinator@cdop.example.org", "CDOP Coordinator")
    static let zoe = address("zoe.adeyemi@gp.example.nhs.uk", "Zoë Adeyemi")
    static let lukasz = address("lukasz.nowak@police.example.uk", "Łukasz Nowak")
    static let siobhan = address("siobhan.ni-bhriain@council.example.gov.uk", "Siobhán Ní Bhriain")
    static let plain = address("duty.manager@hospital.example.nhs.uk")

    /// 23 October 2026 09:30:00 UTC.
    static let date = Date(timeIntervalSince1970: 1_792_747_800)

    static func messageID(_ n: Int = 1) -> MessageID {
        do { return try MessageID("event-\(n)-0b6c3c4e@cdop.example.org") } catch { fatalError("\(error)") }
    }

    /// A Form B request as the workflow would send it, with non-ASCII names and a long line.
    static func formBRequest(
        id: Int = 1, to: [MailAddress] = [zoe, lukasz, siobhan], attachments: [MailAttachment] = []
    ) -> MailMessage {
        MailMessage(
            from: coordinator, to: to, replyTo: address("cdop.team@cdop.example.org", "CDOP Team"),
            subject: "Form B requested: case CDOP-2026-0147 – reply within 10 working days",
            date: date, messageID: messageID(id),
            textBody: textBody, htmlBody: htmlBody, attachments: attachments)
    }

    static let textBody = """
        Dear colleague,

        The Child Death Overview Panel asks for Form B about case CDOP-2026-0147.
        Please use the secure link below; it opens this one request only.

        https://cdop.example.org/forms/b/9f3a0c

        Merci – Zoë, Łukasz and Siobhán will review returns on Monday.
        \(String(repeating: "A long line without breaks ", count: 40))
        Line with trailing spaces\u{20}\u{20}\u{20}
        =Equals at the start and a dot below
        .
        From the CDOP office

        """

    static let htmlBody = """
        <p>Dear colleague,</p><p>Please return <b>Form B</b> for case CDOP-2026-0147 – \
        <a href="https://cdop.example.org/forms/b/9f3a0c">open the form</a>.</p><p>Zoë, Łukasz, Siobhán</p>
        """
}
