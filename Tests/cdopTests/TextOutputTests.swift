import Foundation
import Testing

@Suite("What the commands print for people")
struct TextOutputTests {
    @Test("Notifying the same child twice prints that the second case is a possible duplicate of the first, naming it")
    func secondNotificationNamesTheFirst() async throws {
        let cli = CLI()
        let notification = Fixture.path("notification.example.json")
        let first = try await cli.run("notify", notification)
        #expect(first.status == 0, "\(first)")
        let firstReference = try #require(first.output.firstMatch(of: /Case (CDOP-[0-9A-F]{8}) opened/)?.1)
        #expect(!first.output.contains("possible duplicate"))

        let second = try await cli.run("notify", notification)
        #expect(second.status == 0, "\(second)")
        #expect(second.output.contains("possible duplicate of \(firstReference)"), "\(second)")
        let secondReference = try #require(second.output.firstMatch(of: /Case (CDOP-[0-9A-F]{8}) opened/)?.1)

        let list = try await cli.run("case", "list")
        #expect(list.output.contains("\(secondReference)"), "\(list)")
        #expect(list.output.contains("possible duplicate of \(firstReference)"), "\(list)")

        let rejected = try await cli.run(
            "duplicate", "reject", String(secondReference), "--reason", "A cousin with the same name")
        #expect(rejected.status == 0, "\(rejected)")
        #expect(
            rejected.output == "Case \(secondReference) is no longer linked to \(firstReference): a different death.")
    }

    @Test("Each step prints one line naming what happened and the case reference")
    func oneLinePerStep() async throws {
        let cli = CLI()
        let opened = try await cli.run("notify", Fixture.path("notification.example.json"))
        let reference = String(try #require(opened.output.firstMatch(of: /Case (CDOP-[0-9A-F]{8}) opened/)?.1))

        let added = try await cli.run(
            "agency", "add", "--name", "Northgate Surgery", "--kind", "gp", "--lead",
            "Dr Jo Example <jo@northgate.example.nhs.uk>")
        #expect(added.output.hasPrefix("Agency Northgate Surgery (GP practice) added: "), "\(added)")
        let involved = try await cli.run("case", "involve", reference, "--agency", "Northgate Surgery")
        #expect(
            involved.output
                == "Northgate Surgery recorded as involved with \(reference), contact Dr Jo Example <jo@northgate.example.nhs.uk>."
        )

        let requested = try await cli.run(
            "form", "request", reference, "--agency", "Northgate Surgery", "--due", "2099-12-07")
        #expect(requested.status == 0, "\(requested)")
        #expect(
            requested.output.hasPrefix(
                "Form B requested from Northgate Surgery for \(reference), due 7 Dec 2099 (request "), "\(requested)")
        let supplementary = try await cli.run(
            "form", "request", reference, "--agency", "Northgate Surgery", "--type", "sudiSudc", "--due", "2099-12-07")
        #expect(
            supplementary.output.hasPrefix("SUDI/SUDC supplementary form requested from Northgate Surgery"),
            "\(supplementary)")

        let triaged = try await cli.run("triage", reference, "--expected", "--confirmed-by", "Dr Dee Signated")
        #expect(triaged.output == "Case \(reference) triaged as expected by Dr Dee Signated.")
        let again = try await cli.run("triage", reference, "--expected", "--confirmed-by", "Dr Dee Signated")
        #expect(again.status == 0)
        #expect(again.output == "Nothing changed on \(reference): this was already recorded.")

        let forms = try await cli.run("form", "list", "--outstanding")
        #expect(forms.output.contains("Form B") && forms.output.contains("SUDI/SUDC"), "\(forms)")

        let shown = try await cli.run("case", "show", reference)
        #expect(shown.output.contains("death        expected"), "\(shown)")
        #expect(
            shown.output.contains("coord.jones (coordinator)  Form B requested from Northgate Surgery, due 7 Dec 2099"),
            "\(shown)")
    }

    @Test("Help lists the subcommands for every step and the JAR triggers by their raw names")
    func helpListsStepsAndTriggers() async throws {
        let cli = CLI()
        let help = try await cli.run("--help")
        #expect(help.status == 0)
        for group in [
            "notify", "case", "duplicate", "triage", "rapid-response", "agency", "form", "review", "meeting", "outcome",
            "action",
        ] {
            #expect(help.output.contains(group), "help lacks \(group)")
        }
        let triage = try await cli.run("triage", "--help")
        #expect(triage.status == 0)
        for trigger in [
            "externalCauses", "suddenNoApparentCause", "custodyOrDetention", "suspicionNotNatural",
            "unattendedStillbirth",
        ] {
            #expect(triage.output.contains(trigger), "triage help lacks \(trigger)")
        }
    }
}
