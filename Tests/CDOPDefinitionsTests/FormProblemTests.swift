import CDOPDefinitions
import CDOPDomain
import CDOPTesting
import Foundation
import Testing

@Suite("Problems in form files")
struct FormProblemTests {
    let drowning = "Forms/supplementary/drowning.yaml"

    @Test("An unknown field type is named with the types there are")
    func unknownType() throws {
        let copy = try BrokenCopy()
        try copy.replaceInForm(
            "label: \"Was the child being supervised?\"\n        type: yes-no-not-known",
            with: "label: \"Was the child being supervised?\"\n        type: yes-or-no",
            in: "supplementary/drowning.yaml")
        let problem = copy.problems().one(drowning, "sections[1].fields[1].type")
        #expect(problem?.reason.contains("unknown field type 'yes-or-no'") == true)
        #expect(problem?.reason.contains("multiple-choice") == true)
        #expect(problem?.line != nil)
    }

    @Test("A field id used twice in a form is refused")
    func duplicateID() throws {
        let copy = try BrokenCopy()
        try copy.replaceInForm("- id: could-swim", with: "- id: supervised", in: "supplementary/drowning.yaml")
        #expect(copy.problems().one(drowning, "sections[1].fields[3].id")?.reason.contains("used twice") == true)
    }

    @Test("A choice field needs options; a yes-no-not-known field must not have them")
    func options() throws {
        let copy = try BrokenCopy()
        try copy.replaceInForm(
            "label: \"Could the child swim?\"\n        type: yes-no-not-known",
            with: "label: \"Could the child swim?\"\n        type: choice", in: "supplementary/drowning.yaml")
        try copy.replaceInForm(
            "label: \"Was a lifeguard on duty?\"\n        type: yes-no-not-known",
            with:
                "label: \"Was a lifeguard on duty?\"\n        type: yes-no-not-known\n        options: [{ value: yes, label: Yes }]",
            in: "supplementary/drowning.yaml")
        let problems = copy.problems()
        #expect(problems.one(drowning, "sections[1].fields[3].options")?.reason.contains("needs 'options'") == true)
        #expect(problems.one(drowning, "sections[1].fields[5].options")?.reason.contains("built in") == true)
    }

    @Test("A condition must name an earlier field, and values that field can take")
    func conditions() throws {
        let copy = try BrokenCopy()
        try copy.replaceInForm(
            "show-if: { field: supervised, one-of: [\"yes\"] }",
            with: "show-if: { field: could-swim, one-of: [\"yes\"] }",
            in: "supplementary/drowning.yaml")
        try copy.replaceInForm(
            "one-of: [\"openWater\", \"sea\"]", with: "one-of: [\"openWater\", \"ocean\"]",
            in: "supplementary/drowning.yaml")
        let problems = copy.problems()
        #expect(
            problems.one(drowning, "sections[1].fields[2].show-if.field")?.reason.contains(
                "not a field before this one") == true)
        let value = problems.one(drowning, "sections[1].fields[4].show-if.one-of[1]")
        #expect(value?.reason.contains("no option 'ocean'") == true)
        #expect(value?.reason.contains("openWater") == true)
    }

    @Test("A group holds only fields that are not groups")
    func groupInGroup() throws {
        let copy = try BrokenCopy()
        try copy.replaceInForm(
            "label: \"What went well\"\n            type: long-text",
            with: "label: \"What went well\"\n            type: group", in: "supplementary/care-pathway.yaml")
        #expect(
            copy.problems().one("Forms/supplementary/care-pathway.yaml", "sections[2].fields[0].fields[1].type")?
                .reason.contains("cannot hold another group") == true)
    }

    @Test("Keys that belong to other types, and unknown keys, are named")
    func misplacedKeys() throws {
        let copy = try BrokenCopy()
        try copy.replaceInForm(
            "not-after-today: true\n        error-name: \"the date you completed the form\"",
            with:
                "not-after-today: true\n        max-length: 10\n        error-name: \"the date you completed the form\"",
            in: "supplementary/drowning.yaml")
        try copy.replaceInForm(
            "help: \"The person completing this form.\"", with: "hint: \"The person.\"",
            in: "supplementary/drowning.yaml")
        let problems = copy.problems()
        #expect(
            problems.one(drowning, "sections[0].fields[3].max-length")?.reason.contains("applies only to text") == true)
        #expect(problems.one(drowning, "sections[0].hint")?.reason.contains("unknown key 'hint'") == true)
    }

    @Test("Every supplementary type has exactly one form")
    func supplementaryCoverage() throws {
        let copy = try BrokenCopy()
        try FileManager.default.removeItem(at: copy.form("supplementary/drowning.yaml"))
        let text = try String(contentsOf: copy.form("supplementary/epilepsy.yaml"), encoding: .utf8)
        try text.replacingOccurrences(of: "id: supplementary-epilepsy", with: "id: supplementary-epilepsy-copy")
            .write(to: copy.form("supplementary/epilepsy-copy.yaml"), atomically: true, encoding: .utf8)
        let problems = copy.problems()
        #expect(problems.one("Forms/supplementary/", "")?.reason.contains("'drowning'") == true)
        #expect(
            problems.one("Forms/supplementary/epilepsy.yaml", "form-type")?.reason.contains("epilepsy-copy.yaml")
                == true)
    }

    @Test("The notification form must keep every field the notification mapping reads, with the domain's values")
    func notificationContract() throws {
        let copy = try BrokenCopy()
        try copy.replaceInForm("- id: child-nhs-number\n", with: "- id: child-nhs-no\n", in: "notification.yaml")
        try copy.replaceInForm(
            "          - { value: indeterminate, label: \"Indeterminate\" }\n", with: "", in: "notification.yaml")
        try copy.replaceInForm(
            "- id: coroner-informed\n        label: Has the coroner been told about the death?\n        type: yes-no-not-known",
            with:
                "- id: coroner-informed\n        label: Has the coroner been told about the death?\n        type: text",
            in: "notification.yaml")
        let problems = copy.problems()
        #expect(problems.one("Forms/notification.yaml", "child-nhs-number")?.reason.contains("missing") == true)
        #expect(problems.one("Forms/notification.yaml", "child-sex")?.reason.contains("missing: indeterminate") == true)
        #expect(
            problems.one("Forms/notification.yaml", "coroner-informed")?.reason.contains("reads it as yes-no-not-known")
                == true)
    }

    @Test("An older version kept in archive/ stays loadable; an archived version must be older than the current one")
    func archive() throws {
        let copy = try BrokenCopy()
        try FileManager.default.copyItem(
            at: copy.form("notification.yaml"), to: copy.form("archive/notification-v2.yaml"))
        try copy.replaceInForm(
            "id: notification\nversion: 2", with: "id: notification\nversion: 3", in: "notification.yaml")
        let set = try #require(copy.loaded())
        #expect(set.forms.notification.version == 3)
        #expect(set.forms.definition(id: "notification", version: 2)?.version == 2)
        #expect(set.forms.definition(id: "notification", version: 1)?.version == 1)
        #expect(set.forms.definition(FormDefinitionReference(id: "notification", version: 3)) == set.forms.notification)
        #expect(set.forms.archived.filter { $0.id == "notification" }.count == 2)

        try FileManager.default.copyItem(
            at: copy.form("notification.yaml"), to: copy.form("archive/notification-v3.yaml"))
        #expect(
            copy.problems().one("Forms/archive/notification-v3.yaml", "version")?.reason.contains("not older") == true)
    }

    @Test("A folder without Forms/ says where the forms belong")
    func noFormsFolder() throws {
        let copy = try BrokenCopy()
        try FileManager.default.removeItem(at: copy.directory.url.appendingPathComponent("Forms"))
        #expect(copy.problems().one("Forms", "")?.reason.contains("no Forms folder") == true)
    }
}
