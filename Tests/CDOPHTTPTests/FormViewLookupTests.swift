import CDOPApp
import CDOPDefinitions
import CDOPDomain
import Foundation
import Mustache
import Testing

@testable import CDOPHTTP

/// The form views answer Mustache by name instead of by reflection: every stored property must be answered.
@Suite("Form views looked up by name")
struct FormViewLookupTests {
    static func unanswered(_ value: some MustacheParent) -> [String] {
        Mirror(reflecting: value).children.compactMap { child in
            guard let label = child.label else { return nil }
            let isNil =
                Mirror(reflecting: child.value).displayStyle == .optional
                && Mirror(reflecting: child.value).children.isEmpty
            return !isNil && value.child(named: label) == nil ? label : nil
        }
    }

    @Test("Every property of the form views is answered by name")
    func everyPropertyOfTheFormViewsIsAnsweredByName() async throws {
        let fixture = try await WebFixture()
        let form = FormView(
            fixture.services.definitions.forms.notification, values: ["child-surname": ["X"]],
            errors: ["child-surname": "Wrong"])
        var missing: [String] = []
        for section in form.sections {
            missing += Self.unanswered(section)
            for field in section.fields {
                missing += Self.unanswered(field)
                for option in field.options { missing += Self.unanswered(option) }
                for row in field.rows { missing += Self.unanswered(row) }
            }
        }
        #expect(Set(missing).isEmpty, "not answered by name: \(Set(missing).sorted())")
    }

    @Test(
        "A field's element id turns each row's brackets into dashes",
        arguments: [
            ("child-surname", "child-surname"), ("people[0].name", "people-0-name"),
            ("rows[12].items[3].value", "rows-12-items-3-value"), ("odd]", "odd]"), ("a[1]b", "a-1]b"),
        ])
    func elementIDs(name: String, id: String) {
        #expect(FormView.elementID(name) == id)
        #expect(
            FormView.elementID(name)
                == name.replacingOccurrences(of: "[", with: "-").replacingOccurrences(of: "].", with: "-"))
    }
}
