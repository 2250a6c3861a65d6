import Testing

@testable import CDOPDomain

@Suite("Names folded for matching duplicates")
struct NameNormaliserTests {
    @Test("Case, apostrophes, hyphens, spaces and accents are ignored; ligatures are spelled out")
    func foldsWhatMatchingIgnores() {
        #expect(NameNormaliser.fold("O'Brien") == "obrien")
        #expect(NameNormaliser.fold("Anne-Marie  Smith") == "annemariesmith")
        #expect(NameNormaliser.fold("Zoë") == "zoe")
        #expect(NameNormaliser.fold("Œdipe Straße") == "oedipestrasse")
        #expect(NameNormaliser.fold("Baby 2") == "baby2")
        #expect(NameNormaliser.fold("") == "")
    }

    @Test("An ASCII name folds byte by byte exactly as the Unicode fold would fold it")
    func asciiFoldAgreesWithUnicodeFold() {
        var state: UInt64 = 5
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let alphabet = Array((0x20...0x7E).compactMap(Unicode.Scalar.init).map(Character.init)) + ["\t", "\n"]
        for length in 0..<2000 {
            let name = String((0..<(length % 24)).map { _ in alphabet[next() % alphabet.count] })
            #expect(NameNormaliser.asciiFold(name) == NameNormaliser.unicodeFold(name), "\(name)")
        }
        #expect(NameNormaliser.asciiFold("Zoë") == nil)
    }
}
