import Testing

@testable import CDOPDomain

@Suite("Duplicate matching")
struct DuplicateMatcherTests {
    static let spellings: [(String, String, String, String)] = [
        ("Alex", "O'Brien", "alex", "OBrien"),
        ("Zoë", "Testchild", "Zoe", "Testchild"),
        ("Mary Jane", "Test-Child", "MaryJane", "TestChild"),
        ("  Alex ", "TESTCHILD", "alex", "testchild"),
        ("Søren", "Großmann", "Soren", "Grossmann"),
    ]

    @Test("The same death is matched across case, accents, apostrophes, hyphens and spacing", arguments: spellings)
    func toleratesSpelling(_ pair: (String, String, String, String)) {
        let a = Sample.notification(forenames: pair.0, surname: pair.1, nhs: .absent(.notCurrentlyAvailable))
        let b = Sample.notification(forenames: pair.2, surname: pair.3, nhs: .absent(.notCurrentlyAvailable))
        #expect(DuplicateMatcher.match(a, b) == .sameNameAndDates)
    }

    @Test("The same NHS number matches even when the names differ")
    func sameNHSNumber() {
        let a = Sample.notification(surname: "Testchild")
        let b = Sample.notification(surname: "Testchilde", nhs: .known(NHSNumber("9434765919")))
        #expect(DuplicateMatcher.match(a, b) == .sameNHSNumber)
    }

    @Test("Same names with a different date of birth or death are not a match")
    func differentDates() {
        let none = NHSNumberStatus.absent(.notCurrentlyAvailable)
        let a = Sample.notification(nhs: none)
        #expect(DuplicateMatcher.match(a, Sample.notification(born: Sample.day(2025, 12, 21), nhs: none)) == nil)
        #expect(DuplicateMatcher.match(a, Sample.notification(died: Sample.day(2026, 5, 2), nhs: none)) == nil)
    }

    @Test("A name the child was also known by matches")
    func aliases() {
        var a = Sample.notification(forenames: "Alex", surname: "Testchild", nhs: .absent(.notCurrentlyAvailable))
        a.child.name.aliases = ["Alex Otherfamily"]
        let b = Sample.notification(forenames: "Alex", surname: "Other-Family", nhs: .absent(.notCurrentlyAvailable))
        #expect(DuplicateMatcher.match(a, b) == .sameNameAndDates)
    }

    @Test("Keys are stable strings the shell can index")
    func keys() {
        let keys = DuplicateMatcher.keys(for: Sample.notification(forenames: "Zoë", surname: "O'Brien"))
        #expect(
            Set(keys.map(\.description)) == [
                "nhs:9434765919", "id:zoeobrien|2025-12-20|2026-05-03", "dates:2025-12-20|2026-05-03",
            ])
    }
}
