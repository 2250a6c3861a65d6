import Testing

@testable import CDOPDomain

@Suite("Names a slip of the keyboard apart")
struct SimilarNameTests {
    @Test(
        "Same dates and alike names match; different forenames or far surnames do not",
        arguments: [
            (("Alex", "Testchild"), ("Alex", "Testchilde"), true),
            (("Alex", "Testchild"), ("Alex", "Tsetchild"), true),
            (("Alex", "Testchild"), ("Alix", "Testchild"), true),
            (("Alex", "Testchild"), ("Sam", "Testchild"), false),
            (("Alex", "Testchild"), ("Alex", "Example"), false),
            (("Jo", "Li"), ("Jo", "Lu"), false),
        ] as [((String, String), (String, String), Bool)])
    func alikeNames(a: (String, String), b: (String, String), alike: Bool) {
        var first = Sample.notification(forenames: a.0, surname: a.1, nhs: .absent(.notCurrentlyAvailable))
        var second = Sample.notification(forenames: b.0, surname: b.1, nhs: .absent(.notCurrentlyAvailable))
        first.child.name.aliases = []
        second.child.name.aliases = []
        #expect((DuplicateMatcher.match(second, first) != nil) == alike)
    }

    @Test("Edit distance counts insertions, deletions and substitutions")
    func editDistance() {
        #expect(DuplicateMatcher.editDistance("testchild", "testchilde") == 1)
        #expect(DuplicateMatcher.editDistance("kitten", "sitting") == 3)
        #expect(DuplicateMatcher.editDistance("", "abc") == 3)
    }
}
