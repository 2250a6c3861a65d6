import Foundation
import Testing

@testable import CDOPDomain

/// Trimming without Foundation's bridge gives what Foundation's `trimmingCharacters` gives.
@Suite("Trimming white space as Foundation trims it")
struct TrimmingTests {
    static let blanks = [
        " ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{200A}", "\u{2028}",
        "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
    ]
    static let others = ["a", "Zoë", "🌙", "\u{200B}", "\u{FEFF}", "e\u{301}", "\u{301}", "-", "\u{1}", "O'Brien"]

    @Test("Every scalar is blank to both or to neither")
    func everyScalar() {
        for value in UInt32(0)...0x3_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            #expect(
                text.trimmingWhiteSpace().isEmpty == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                "U+\(String(value, radix: 16))")
            #expect(
                text.trimmingSpaces().isEmpty == text.trimmingCharacters(in: .whitespaces).isEmpty,
                "U+\(String(value, radix: 16))")
        }
    }

    @Test("Random texts of spaces, line breaks and letters of every script trim as trimmingCharacters(in:) trims them")
    func agreesWithFoundation() {
        var dice = SeededDice(state: 5)
        for _ in 0..<3000 {
            let pieces = (0..<dice.next(7)).map { _ in
                dice.next(2) == 0
                    ? Self.blanks[dice.next(Self.blanks.count)] : Self.others[dice.next(Self.others.count)]
            }
            let text = pieces.joined()
            #expect(
                text.trimmingWhiteSpace() == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(text.unicodeScalars.map(\.value))")
            #expect(
                text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces),
                "\(text.unicodeScalars.map(\.value))")
        }
    }

    struct SeededDice {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }
}
