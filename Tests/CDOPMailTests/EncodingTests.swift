import CDOPMail
import Foundation
import Testing

@Suite("Quoted-printable and base64 encodings")
struct EncodingTests {
    @Test(
        "Quoted-printable encodes =, non-ASCII and trailing whitespace, and nothing else",
        arguments: [
            ("plain text", ["plain text"]),
            ("café", ["caf=C3=A9"]),
            ("a=b", ["a=3Db"]),
            ("ends with space ", ["ends with space=20"]),
            ("ends with tab\t", ["ends with tab=09"]),
            ("two\nlines", ["two", "lines"]),
            ("crlf\r\nand cr\rend", ["crlf", "and cr", "end"]),
            ("", [""]),
        ])
    func quotedPrintableVectors(input: String, expected: [String]) {
        #expect(QuotedPrintable.encode(input) == expected)
    }

    @Test("Quoted-printable soft breaks keep lines to 76 characters and never split an escape")
    func softBreaks() {
        let lines = QuotedPrintable.encode(String(repeating: "a", count: 100))
        #expect(lines == [String(repeating: "a", count: 75) + "=", String(repeating: "a", count: 25)])
        let text = String(repeating: "é", count: 300) + " " + String(repeating: "x=", count: 200)
        let encoded = QuotedPrintable.encode(text)
        #expect(encoded.allSatisfy { $0.utf8.count <= 76 })
        for line in encoded {
            // An escape is = and two hex digits; a trailing = alone is a soft break.
            let body = line.hasSuffix("=") && !line.hasSuffix("==") ? String(line.dropLast()) : line
            var rest = Substring(body)
            while let eq = rest.firstIndex(of: "=") {
                let after = rest[rest.index(after: eq)...]
                #expect(after.count >= 2, "escape split in \(line)")
                rest = after.dropFirst(2)
            }
        }
        #expect(MailText.decodeQuotedPrintable(encoded) == text)
    }

    @Test(
        "Quoted-printable decodes back to the text for every kind of line",
        arguments: [
            "Zoë, Łukasz and Siobhán\nsecond line  \n\n=3D is not an escape",
            String(repeating: "0123456789", count: 500),
            "trailing\t \nspace ",
        ])
    func quotedPrintableRoundTrip(text: String) {
        let encoded = QuotedPrintable.encode(text)
        #expect(encoded.allSatisfy { $0.utf8.count <= 76 && $0.utf8.allSatisfy { $0 < 128 } })
        #expect(MailText.decodeQuotedPrintable(encoded) == text)
    }

    @Test("Base64 lines are 76 characters (the last may be shorter) and decode to the bytes")
    func base64() throws {
        let data = Data((0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let lines = Base64Lines.encode(data)
        #expect(lines.dropLast().allSatisfy { $0.count == 76 })
        #expect((lines.last?.count ?? 0) <= 76)
        #expect(Data(base64Encoded: lines.joined()) == data)
        #expect(Base64Lines.encode(Data()) == [])
    }
}
