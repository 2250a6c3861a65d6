import Foundation
import Testing

@Suite("Refusals: exit status 1, the code, and a message naming the field")
struct RejectionTests {
    struct BadNotification: Sendable, CustomTestStringConvertible {
        var name: String
        var keyPath: [String]
        var value: String
        var code: String
        var mentions: String
        var testDescription: String { name }
    }

    static let badNotifications = [
        BadNotification(
            name: "date of birth after the date of death", keyPath: ["child", "dateOfBirth"], value: "2026-11-20",
            code: "notification.dateOfBirthAfterDeath", mentions: "date of birth"),
        BadNotification(
            name: "a child 18 or over", keyPath: ["child", "dateOfBirth"], value: "2008-11-13",
            code: "notification.ageEighteenOrOver", mentions: "under 18"),
        BadNotification(
            name: "an NHS number with a wrong check digit", keyPath: ["child", "nhsNumber", "number"],
            value: "9434765918",
            code: "notification.nhsNumberCheckDigit", mentions: "NHS number"),
    ]

    @Test(
        "A notification breaking a rule is refused with its code and the field named, and no case is opened",
        arguments: badNotifications)
    func badNotificationRefused(_ bad: BadNotification) async throws {
        let cli = CLI()
        let file = cli.write("bad.json", try Fixture.notification(setting: bad.keyPath, to: bad.value))
        let run = try await cli.run("notify", file)
        #expect(run.status == 1, "\(run)")
        #expect(run.error.contains("[\(bad.code)]"), "\(run)")
        #expect(run.error.contains(bad.mentions), "\(run)")
        let json = try await cli.run("notify", file, "--json")
        #expect(json.status == 1)
        #expect(json.field("error") == bad.code, "\(json)")
        let list = try await cli.run("case", "list", "--json")
        #expect(list.list?.isEmpty == true, "\(list)")
    }

    @Test("Malformed notification JSON is refused naming the field's path")
    func malformedJSONNamesThePath() async throws {
        let cli = CLI()
        let wrongType = cli.write("wrong.json", try Fixture.notification(setting: ["death", "date"], to: 14))
        let run = try await cli.run("notify", wrongType)
        #expect(run.status == 1)
        #expect(run.error.contains("death.date"), "\(run)")
        #expect(run.error.contains("[input.invalid]"), "\(run)")

        var object = try Fixture.notification()
        var child = object["child"] as! [String: Any]
        child.removeValue(forKey: "sex")
        object["child"] = child
        let missing = cli.write(
            "missing.json", String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        let missingRun = try await cli.run("notify", missing, "--json")
        #expect(missingRun.status == 1)
        #expect(missingRun.field("error") == "input.invalid")
        #expect(missingRun.field("message")?.contains("child.sex is missing") == true, "\(missingRun)")

        let notJSON = cli.write("broken.json", "{ \"notifier\": ")
        let broken = try await cli.run("notify", notJSON)
        #expect(broken.status == 1)
        #expect(broken.error.contains("is not JSON"), "\(broken)")

        let badOutcome = cli.write(
            "outcome.json", #"{"categories": [10], "outcome": "modifiable", "reviewedOn": "2026-11-20"}"#)
        let opened = try await cli.json("notify", Fixture.path("notification.example.json"))
        let outcome = try await cli.run("outcome", "record", opened["reference"] as! String, badOutcome)
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("the field outcome"), "\(outcome)")
    }

    @Test(
        "Rules of the case's life are refused with their codes: closing without an outcome, returning a withdrawn request, any command on a merged duplicate, an unknown case"
    )
    func lifeRulesRefused() async throws {
        let cli = CLI()
        let notification = Fixture.path("notification.example.json")
        let primary = try #require(try await cli.json("notify", notification)["reference"] as? String)
        let duplicate = try #require(try await cli.json("notify", notification)["reference"] as? String)

        let close = try await cli.run("case", "close", primary, "--reason", "Review complete")
        #expect(close.status == 1)
        #expect(close.error.contains("[closure.noPanelOutcome]"), "\(close)")
        #expect(close.error.contains("panel outcome"), "\(close)")

        let request = try await cli.formBRequestedFromNorthgate(on: primary)
        try await cli.json("form", "withdraw", primary, request, "--reason", "Requested in error")
        let returned = try await cli.run(
            "form", "return", primary, String(request.prefix(8)), "--answers", Fixture.path("answers.example.json"),
            "--definition", "reporting@1", "--submitted-by", "Dr Jo Example", "--json")
        #expect(returned.status == 1)
        #expect(returned.field("error") == "formRequest.withdrawn", "\(returned)")
        #expect(returned.field("message")?.contains("withdrawn") == true)

        try await cli.json("duplicate", "confirm", duplicate, "--primary", primary)
        for command in [
            ["triage", duplicate, "--unexpected", "--confirmed-by", "Dr Dee Signated"],
            ["case", "involve", duplicate, "--agency", "Northgate Surgery"],
            ["review", "ready", duplicate],
        ] {
            let run = try await cli.run(command)
            #expect(run.status == 1, "\(run)")
            #expect(run.error.contains("[case.mergedDuplicate]"), "\(run)")
            #expect(run.error.contains(primary.dropFirst(5).lowercased()), "names the primary: \(run)")
        }

        let unknown = try await cli.run("case", "show", "CDOP-FFFFFFFF")
        #expect(unknown.status == 1)
        #expect(unknown.error.contains("There is no case CDOP-FFFFFFFF. [command.notFound]"), "\(unknown)")
        let unknownJSON = try await cli.run("triage", "CDOP-FFFFFFFF", "--expected", "--confirmed-by", "X", "--json")
        #expect(unknownJSON.field("error") == "command.notFound")
    }

    struct BadOption: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var mentions: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let badOptions = [
        BadOption(
            arguments: ["form", "request", "CDOP-00000000", "--agency", "A", "--due", "2026-13-01"],
            mentions: "The value '2026-13-01' is invalid for '--due <due>': not a date; write YYYY-MM-DD."),
        BadOption(
            arguments: ["form", "request", "CDOP-00000000", "--agency", "A", "--type", "formZ", "--due", "2026-12-01"],
            mentions:
                "The value 'formZ' is invalid for '--type <type>'. Please provide one of the following:\n  - reporting\n  - sudiSudc\n"
        ),
        BadOption(
            arguments: ["rapid-response", "convene", "CDOP-00000000", "--at", "tomorrow 2pm", "--place", "Room 4"],
            mentions: "The value 'tomorrow 2pm' is invalid for '--at <at>': not a date and time with its offset"),
        BadOption(
            arguments: ["triage", "CDOP-00000000", "--unexpected", "--confirmed-by", "X", "--trigger", "bad"],
            mentions: "The value 'bad' is invalid for '--trigger <trigger>'. Please provide one of 'externalCauses', "),
        BadOption(
            arguments: ["agency", "add", "--name", "X", "--kind", "gp", "--lead", "Jo jo@example.org"],
            mentions:
                "The value 'Jo jo@example.org' is invalid for '--lead <contact>': not a contact; write \"Name <email>\"."
        ),
        BadOption(
            arguments: [
                "review", "await", "CDOP-00000000", "--process", "postMortem", "--reason", "PM", "--since",
                "15/11/2026",
            ],
            mentions: "The value '15/11/2026' is invalid for '--since <since>': not a date"),
        BadOption(
            arguments: ["form", "remind", "CDOP-00000000", "abcd", "--step", "0"],
            mentions: "--step: 0 must be 1 or more"),
        BadOption(arguments: ["case", "close"], mentions: "Missing expected argument"),
        BadOption(
            arguments: ["case", "close", "CDOP-00000000", "--reason", "Done", "--frobnicate"], mentions: "--frobnicate"),
    ]

    @Test(
        "A bad option value is refused before anything is done, naming the option, with exit status 1",
        arguments: badOptions)
    func badOptionRefused(_ bad: BadOption) async throws {
        let cli = CLI()
        let run = try await cli.run(bad.arguments)
        #expect(run.status == 1, "\(run)")
        #expect(run.error.contains(bad.mentions), "\(run)")
        #expect(run.error.contains("[input.invalidOption]"), "\(run)")
        let json = try await cli.run(bad.arguments + ["--json"])
        #expect(json.status == 1)
        #expect(json.field("error") == "input.invalidOption", "\(json)")
        #expect(!FileManager.default.fileExists(atPath: cli.database), "nothing was opened")
    }
}
