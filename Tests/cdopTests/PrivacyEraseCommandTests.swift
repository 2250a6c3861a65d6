import CDOPTesting
import Foundation
import GRDB
import Testing

/// `cdop privacy erase`: a malformed subject, role or reason is refused before any key goes; an erasure says what
/// it did, and a second one says it was done already.
@Suite("cdop privacy erase")
struct PrivacyEraseCommandTests {
    @Test("Bad subjects are refused naming what is wrong; an erasure is reported once, then as already done")
    func badSubjectsAreRefusedAndAnErasureIsReportedOnce() async throws {
        let cli = CLI(actor: "coord.jones")
        let notified = try await cli.json("notify", Fixture.path("notification.example.json"))
        let reference = try #require(notified["reference"] as? String)

        let noRole = try await cli.run("privacy", "erase", reference, "--reason", "Retention period ended")
        #expect(noRole.status == 1 && noRole.error.contains("CASE/ROLE"), "\(noRole)")
        let badRole = try await cli.run("privacy", "erase", reference + "/Child Name", "--reason", "Retention")
        #expect(badRole.status == 1 && badRole.error.contains("erasure.invalidRole"), "\(badRole)")
        let noReason = try await cli.run("privacy", "erase", reference + "/child", "--reason", " ")
        #expect(noReason.status == 1 && noReason.error.contains("erasure.reasonMissing"), "\(noReason)")

        let erased = try await cli.run("privacy", "erase", reference + "/child", "--reason", "Retention period ended")
        #expect(erased.status == 0 && erased.output.contains("Erased the personal data of the child"), "\(erased)")
        let again = try await cli.run("privacy", "erase", reference + "/child", "--reason", "Retention period ended")
        #expect(again.status == 0 && again.output.contains("already recorded"), "\(again)")
        let shown = try await cli.run("case", "show", reference)
        #expect(shown.output.contains("erased") && !shown.output.contains("Testchild"), "\(shown)")
    }
}

/// `cdop privacy migrate`: an earlier database, its events in the clear, copied to a new one with every personal
/// field sealed; the copy is the database cdop then runs on.
@Suite("cdop privacy migrate")
struct PrivacyMigrateCommandTests {
    @Test("An earlier database is copied with its personal fields sealed, and the copy runs as the original did")
    func anEarlierDatabaseIsCopiedSealed() async throws {
        let cli = CLI(actor: "admin.ops")
        let before = try UpgradeTests.earlierDatabase(at: cli.database)
        let original = try String(contentsOfFile: cli.database, encoding: .isoLatin1)
        #expect(
            original.contains("Testchild") && original.contains("9434765919"), "the fixture holds them in the clear")
        let listed = try await cli.run("case", "list", "--json")

        let copy = cli.folder.path("sealed/cdop.sqlite")
        let migrated = try await cli.run("privacy", "migrate", "--out", copy, "--json")
        #expect(migrated.status == 0, "\(migrated)")
        let report = try #require(migrated.object, "\(migrated)")
        #expect(report["events"] as? Int == before.events, "\(report)")
        #expect((report["sealedEvents"] as? Int ?? 0) >= before.cases && (report["subjects"] as? Int ?? 0) > 0)
        #expect(FileManager.default.fileExists(atPath: cli.folder.path("sealed/cdop-keys.sqlite")))
        #expect(FileManager.default.fileExists(atPath: cli.folder.path("sealed/link-secret")))

        let inTheClear = try SQLiteFile.read(copy) { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM events WHERE data LIKE '%Testchild%' OR data LIKE '%9434765919%'")
        }
        #expect(inTheClear == 0, "the copy's events hold them in the clear")
        let copied = try String(contentsOfFile: copy, encoding: .isoLatin1)
        #expect(
            !copied.contains("Testchild") && !copied.contains("9434765919"), "the copy's file holds them in the clear")

        let verify = try await cli.run(["verify"], database: copy)
        #expect(verify.status == 0, "\(verify)")
        let listedCopy = try await cli.run(["case", "list", "--json"], database: copy)
        #expect(listedCopy.output == listed.output && listedCopy.output.contains("Testchild"), "\(listedCopy)")

        let again = try await cli.run("privacy", "migrate", "--out", copy)
        #expect(again.status == 1 && again.error.contains("privacy.migrationRefused"), "\(again)")
        #expect(again.error.contains("exists already"), "\(again)")
        let itself = try await cli.run("privacy", "migrate", "--out", cli.database)
        #expect(itself.status == 1 && itself.error.contains("not \(cli.database) itself"), "\(itself)")
    }
}

/// `cdop privacy export`: what a case holds about one person, as a page and as JSON, recorded on the case.
@Suite("cdop privacy export")
struct PrivacyExportCommandTests {
    @Test("A notifier's data is exported as HTML and JSON, only theirs, and the export is recorded on the case")
    func aNotifiersDataIsExportedAndRecorded() async throws {
        let cli = CLI(actor: "coord.jones")
        let notified = try await cli.json("notify", Fixture.path("notification.example.json"))
        let reference = try #require(notified["reference"] as? String)
        let (html, json) = (cli.folder.path("sar.html"), cli.folder.path("sar.json"))

        let noOut = try await cli.run("privacy", "export", reference + "/notifier", "--reason", "SAR-2026-014")
        #expect(noOut.status == 1 && noOut.error.contains("--out"), "\(noOut)")
        let exported = try await cli.run(
            "privacy", "export", reference + "/notifier", "--reason", "SAR-2026-014", "--out", html, "--out", json)
        #expect(exported.status == 0 && exported.output.contains("the export is recorded"), "\(exported)")

        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        #expect(document["subject"] as? String == reference + "/notifier")
        let records = try #require(document["records"] as? [[String: Any]])
        let values = records.flatMap { $0["values"] as? [[String: Any]] ?? [] }
        let fields = Set(values.compactMap { $0["field"] as? String })
        #expect(fields.isSuperset(of: ["notification.notifier.name", "notification.notifier.email"]), "\(fields)")
        #expect(fields.allSatisfy { $0.hasPrefix("notification.notifier.") }, "only the notifier's: \(fields)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("the person who notified the death") && page.contains("Notification received"))
        let permissions = try FileManager.default.attributesOfItem(atPath: json)[.posixPermissions] as? Int
        #expect(permissions == 0o600)

        let again = try await cli.run(
            "privacy", "export", reference + "/notifier", "--reason", "SAR-2026-014", "--out", json)
        #expect(again.status == 1 && again.error.contains("exists already"), "\(again)")
        let history = try await cli.run("case", "show", reference)
        #expect(
            history.output.contains("subject access request") && history.output.contains("SAR-2026-014"), "\(history)")
    }
}

/// `cdop privacy request-erasure`, `approve-erasure`, `decline-erasure`: nothing is erased on one person's word.
@Suite("Erasure on two people's approval")
struct ErasureApprovalCommandTests {
    @Test(
        "One person asks, the same person cannot approve, a second person's approval erases; a decline erases nothing")
    func aSecondPersonsApprovalErases() async throws {
        let cli = CLI(actor: "coord.jones")
        let admin = CLI(actor: "ada.admin")
        let notified = try await cli.json("notify", Fixture.path("notification.example.json"))
        let reference = try #require(notified["reference"] as? String)

        let asked = try await cli.run(
            "privacy", "request-erasure", reference, "--role", "notifier", "--reason", "Erasure request ER-2026-003")
        #expect(asked.status == 0 && asked.output.contains("a second person must approve"), "\(asked)")
        let twice = try await cli.run("privacy", "request-erasure", reference, "--reason", "Retention period ended")
        #expect(twice.status == 1 && twice.error.contains("erasure.alreadyRequested"), "\(twice)")
        let byTheSamePerson = try await cli.run("privacy", "approve-erasure", reference)
        #expect(
            byTheSamePerson.status == 1 && byTheSamePerson.error.contains("erasure.sameApprover"), "\(byTheSamePerson)")
        let before = try await cli.run("case", "show", reference)
        #expect(before.output.contains("Sam Notifier"), "nothing erased yet: \(before)")

        let approved = try await admin.run(["privacy", "approve-erasure", reference], database: cli.database)
        #expect(approved.status == 0 && approved.output.contains("carried out"), "\(approved)")
        let after = try await cli.run("case", "show", reference)
        #expect(!after.output.contains("Sam Notifier"), "\(after)")
        #expect(after.output.contains("Erasure carried out") && after.output.contains("Testchild"), "\(after)")

        let askedAgain = try await cli.run(
            "privacy", "request-erasure", reference, "--reason", "Retention period ended")
        #expect(askedAgain.status == 0, "\(askedAgain)")
        let declined = try await admin.run(
            ["privacy", "decline-erasure", reference, "--reason", "Inquest pending"], database: cli.database)
        #expect(declined.status == 0, "\(declined)")
        let noneToApprove = try await admin.run(["privacy", "approve-erasure", reference], database: cli.database)
        #expect(noneToApprove.status == 1 && noneToApprove.error.contains("erasure.notRequested"), "\(noneToApprove)")
        let kept = try await cli.run("case", "show", reference)
        #expect(kept.output.contains("Testchild") && kept.output.contains("Erasure declined"), "\(kept)")
    }
}
