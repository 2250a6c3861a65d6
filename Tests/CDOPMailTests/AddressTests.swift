import CDOPMail
import Foundation
import Testing

@Suite("Addresses and Message-IDs")
struct AddressTests {
    @Test(
        "Professional addresses are accepted and read from Name <address> form",
        arguments: [
            ("zoe.adeyemi@gp.example.nhs.uk", "zoe.adeyemi@gp.example.nhs.uk", nil),
            ("Zoë Adeyemi <zoe.adeyemi@gp.example.nhs.uk>", "zoe.adeyemi@gp.example.nhs.uk", "Zoë Adeyemi"),
            ("\"Nowak, Łukasz\" <l.nowak+cdop@police.example.uk>", "l.nowak+cdop@police.example.uk", "Nowak, Łukasz"),
            ("cdop@localhost", "cdop@localhost", nil),
        ] as [(String, String, String?)])
    func accepted(text: String, address: String, name: String?) throws {
        let parsed = try MailAddress(parsing: text)
        #expect(parsed.address == address)
        #expect(parsed.displayName == name)
    }

    @Test(
        "Addresses that could break a header or the envelope are refused",
        arguments: [
            "", "no-at-sign", "a@b@", "two words@example.org", "x@exa mple.org", "zoë@example.org",
            "a@-bad-.org", ".dot@example.org", "a..b@example.org", "a@example.org\r\nRCPT TO:<x@y.z>", "<a@b.c>@d.e",
        ])
    func refused(text: String) {
        #expect(throws: MailAddressError.self) { try MailAddress(text) }
    }

    @Test("A display name with a line break is refused")
    func displayNameLineBreak() {
        #expect(throws: MailAddressError.displayNameHasControlCharacter(address: "a@example.org")) {
            try MailAddress("a@example.org", displayName: "Evil\r\nBcc: x@y.z")
        }
    }

    @Test("A Message-ID derived from an event id is stable and valid")
    func messageIDFromEvent() throws {
        let event = try #require(UUID(uuidString: "5D1F8A2E-2C44-4C1B-9A57-0F3E5B6C7D81"))
        let id = try MessageID(eventID: event, domain: "cdop.example.org")
        #expect(id.bracketed == "<5d1f8a2e-2c44-4c1b-9a57-0f3e5b6c7d81@cdop.example.org>")
        #expect(try MessageID(eventID: event, domain: "cdop.example.org") == id)
        #expect(throws: MessageIDError.self) { try MessageID("no at sign") }
        #expect(throws: MessageIDError.self) { try MessageID("a b@c") }
    }
}
