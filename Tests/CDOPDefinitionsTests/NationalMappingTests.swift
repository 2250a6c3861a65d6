import CDOPDefinitions
import CDOPDomain
import Foundation
import Testing

@Suite("The national data set mapping")
struct NationalMappingTests {
    let drowning = "Forms/supplementary/drowning.yaml"

    @Test("Every shipped form answers a national form, and every field it maps names a known item of it")
    func shippedMapping() throws {
        let forms = try Shipped.load().forms
        for form in forms.all {
            let national = try #require(forms.national.form(forCDOPForm: form.id), "\(form.id)")
            let mapped = form.fields.flatMap { $0.type == .group ? $0.fields : [$0] }.compactMap(\.national)
            #expect(!mapped.isEmpty, "\(form.id) maps no field")
            for mapping in mapped {
                #expect(forms.national.item(mapping.item)?.form == national.id, "\(mapping.item)")
            }
        }
    }

    @Test("The supplementary forms the national set names exist, each mapped to its own national form")
    func supplementaryForms() throws {
        let forms = try Shipped.load().forms
        let named: [FormType: String] = [
            .asthmaAnaphylaxis: "asthma-anaphylaxis", .cardiac: "cardiac", .carePathway: "care-pathway",
            .drowning: "drowning", .sudiSudc: "sudi-sudc",
            .chromosomalGeneticCongenital: "chromosomal-genetic-congenital", .neonatal: "neonatal",
        ]
        for (type, national) in named {
            let form = try #require(forms.supplementary(for: type))
            #expect(forms.national.form(forCDOPForm: form.id)?.id == national)
        }
        #expect(forms.supplementary(for: .neonatal)?.title.contains("delivery suite") == true)
    }

    @Test("A field's choices map to the codes of its national item; a choice left out keeps its own value")
    func codes() throws {
        let forms = try Shipped.load().forms
        let field = try #require(forms.supplementary(for: .drowning)?.field("location"))
        let mapping = try #require(field.national)
        #expect(mapping.item == "drowning.B.location")
        #expect(mapping.code(for: "notKnown") == "unknown")
        #expect(mapping.code(for: "sea") == "sea")
        let item = try #require(forms.national.item(mapping.item))
        #expect(item.required)
        #expect(item.codes.map(\.code).contains("unknown"))
    }

    @Test("An unknown national item is named with the nearest known one")
    func unknownItem() throws {
        let copy = try BrokenCopy()
        try copy.replaceInForm(
            "item: drowning.B.supervised,", with: "item: drowning.B.supervisd,", in: "supplementary/drowning.yaml")
        let problem = copy.problems().one(drowning, "supervised.national.item")
        #expect(problem?.reason.contains("unknown national item 'drowning.B.supervisd'") == true)
        #expect(problem?.reason.contains("did you mean 'drowning.B.supervised'") == true)
    }

    @Test("A code list that does not cover one of the field's choices is refused")
    func uncoveredChoice() throws {
        let copy = try BrokenCopy()
        try copy.replaceInForm(
            "item: drowning.B.location, codes: { notKnown: unknown }", with: "item: drowning.B.location",
            in: "supplementary/drowning.yaml")
        let problem = copy.problems().one(drowning, "location.national.codes")
        #expect(problem?.reason.contains("does not cover the choice 'notKnown'") == true)
    }

    @Test("A code the national item does not have is refused, with the item's codes listed")
    func unknownCode() throws {
        let copy = try BrokenCopy()
        try copy.replaceInForm(
            "item: drowning.B.location, codes: { notKnown: unknown }",
            with: "item: drowning.B.location, codes: { notKnown: unkown }", in: "supplementary/drowning.yaml")
        let problem = copy.problems().one(drowning, "location.national.codes.notKnown")
        #expect(problem?.reason.contains("'unkown' is not a code of 'drowning.B.location'") == true)
        #expect(problem?.reason.contains("did you mean 'unknown'") == true)
    }

    @Test("Two fields of one form mapped to one national item are refused")
    func twoFieldsOneItem() throws {
        let copy = try BrokenCopy()
        try copy.replaceInForm(
            "item: drowning.B.could-swim,", with: "item: drowning.B.supervised,", in: "supplementary/drowning.yaml")
        let problem = copy.problems().one(drowning, "could-swim.national.item")
        #expect(
            problem?.reason.contains("'supervised' already fills the national item 'drowning.B.supervised'") == true)
    }

    @Test("A national item the return requires that no field maps to is named on the form")
    func requiredItemUnmapped() throws {
        let copy = try BrokenCopy()
        try copy.replaceInForm(
            "        national: { item: drowning.B.location, codes: { notKnown: unknown } }\n", with: "",
            in: "supplementary/drowning.yaml")
        let problem = copy.problems().one(drowning, "")
        #expect(problem?.reason.contains("'drowning.B.location' (Where did it happen?)") == true)
        #expect(problem?.reason.contains("required for the return") == true)
    }

    @Test("An item of another national form, or of a type the field cannot fill, is refused")
    func wrongFormOrType() throws {
        let copy = try BrokenCopy()
        try copy.replaceInForm(
            "item: drowning.B.could-swim, codes: { notKnown: unknown } }", with: "item: cardiac.B.diagnosis }",
            in: "supplementary/drowning.yaml")
        try copy.replaceInForm(
            "item: drowning.C.other-information }", with: "item: drowning.B.could-swim }",
            in: "supplementary/drowning.yaml")
        let problems = copy.problems()
        #expect(
            problems.one(drowning, "could-swim.national.item")?.reason.contains(
                "an item of the national form 'cardiac'") == true)
        #expect(
            problems.one(drowning, "other-information.national.item")?.reason.contains(
                "a long-text field cannot fill 'drowning.B.could-swim', a code item") == true)
    }

    @Test("A catalogue item with a code list that does not exist is named in the catalogue")
    func unknownCodeList() throws {
        let copy = try BrokenCopy()
        try copy.replaceInForm(
            "type: code, codes: yes-no-unknown }", with: "type: code, codes: yes-no-unkown }",
            in: "national/ncmd-items.yaml")
        let problems = copy.problems().filter { $0.file == "Forms/national/ncmd-items.yaml" }
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.reason.contains("no code list 'yes-no-unkown'") })
    }
}
