import CDOPDomain
import CDOPProjections
import Testing

/// What a case is found by on `/cases`: the beginnings of the child's names, never the middle of one.
@Suite("The terms a child's case is found by")
struct ChildNameTermsTests {
    let terms = Set(
        ChildNameTerms.terms(of: PersonName(forenames: "Oliver James", surname: "Smith-Jones", aliases: ["Ollie"])))

    @Test("Each word's beginnings, the whole name's run together, and each alias's are terms")
    func beginningsOfEachNameAreTerms() {
        for term in ["o", "oli", "oliver", "james", "smith", "jones", "smithjones", "oliverjamessmith", "ollie"] {
            #expect(terms.contains(term), "\(term)")
        }
    }

    @Test("The middle of a name is not a term")
    func theMiddleOfANameIsNotATerm() {
        for term in ["liver", "mith", "ames", "llie"] { #expect(!terms.contains(term), "\(term)") }
    }

    @Test("What is searched for is folded into words as the names are")
    func aSearchIsFoldedIntoWords() {
        #expect(ChildNameTerms.words(of: "  OLIVER  Smith-Jönes ") == ["oliver", "smith", "jones"])
        #expect(ChildNameTerms.words(of: " - ").isEmpty)
    }
}
