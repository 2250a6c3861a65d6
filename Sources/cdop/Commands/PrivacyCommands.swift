import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPHTTP
import CDOPStore
import Foundation

/// `cdop privacy ...`: the rights of the people a case names.
struct PrivacyGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: "Erase or export a person's personal data; seal an older database's.",
        subcommands: [
            PrivacyEraseCommand.self, PrivacyExportCommand.self, PrivacyRequestErasureCommand.self,
            PrivacyApproveErasureCommand.self, PrivacyDeclineErasureCommand.self, PrivacyMigrateCommand.self,
        ])
}

/// `cdop privacy erase CASE/ROLE --reason R`: deletes the person's key; their fields read "erased" everywhere.
struct PrivacyEraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase one person's personal data in a case, for good: their key is deleted.",
        discussion: """
            SUBJECT is the case (reference, id or prefix), a slash, and the person's role in it: child, notifier, \
            family, parent-N (the N-th parent or carer the notification names), professional-N (the N-th \
            professional it names), author-REQUEST or contact-REQUEST (a form request's id). Every page, export and report then shows "erased" for that \
            person's fields; the case still counts in every statistic. It cannot be undone, and backups taken \
            before it still hold the key: take a new backup and retire the older ones.
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "CASE/ROLE, e.g. CDOP-2026-0001/child.")
    var subject: String

    @Option(help: "Why: the retention policy or the request it follows (never the person's details).")
    var reason: String

    func run() throws {
        let (target, role) = try PrivacySubject.parse(subject, options)
        let report = try PersonalDataErasure(engine: target.engine).erase(
            caseID: target.caseID, role: role, reason: reason, by: options.actorForCommand, now: Date())
        let who = SubjectErased.describe(role)
        let held = report.logTruncated ? "" : " A reader held the database's log: run it again to empty it."
        try target.report(
            report.keyDeleted
                ? "Erased the personal data of \(who) in case \(target.reference)." + held
                : "Case \(target.reference) held no personal data of \(who); recorded as erased, so none will be kept."
                    + held,
            changed: !report.alreadyErased)
    }
}

/// A person in a case as the privacy commands name them: `CASE/ROLE`.
enum PrivacySubject {
    static func parse(_ subject: String, _ options: GlobalOptions) throws -> (CaseTarget, role: String) {
        guard let slash = subject.firstIndex(of: "/") else {
            throw PersonalDataErasure.Problem.malformedSubject(subject)
        }
        let target = try CaseTarget(options, case: String(subject[..<slash]))
        return (target, String(subject[subject.index(after: slash)...]))
    }
}

/// `cdop privacy export CASE/ROLE... --reason R --out FILE...`: what the cases hold about a person, for them.
struct PrivacyExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export everything the cases hold about one person (a subject access request), as HTML and JSON.",
        discussion: """
            SUBJECT is CASE/ROLE, as for `cdop privacy erase`; give one for each case that names the person (a \
            parent named in the cases of two children), and they are exported together. Each --out FILE is written \
            as JSON when it ends in .json (the document of one subject; a list of them for several) and as a page \
            to read otherwise; a file that exists is never overwritten. The export is recorded on each case with \
            the reason before anything is read.
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "CASE/ROLE, e.g. CDOP-2026-0001/parent-1; one for each case that names the person.")
    var subjects: [String]

    @Option(help: "The request it answers, e.g. its reference (never the person's details).")
    var reason: String

    @Option(help: "A file to write: .json for JSON, anything else for HTML. Give it once for each.")
    var out: [String]

    func validate() throws {
        guard !subjects.isEmpty else {
            throw ValidationError("Give the person as CASE/ROLE, e.g. CDOP-2026-0001/child.")
        }
        guard !out.isEmpty else { throw ValidationError("Give --out FILE (a .json file, an .html file, or both).") }
        for file in out where FileManager.default.fileExists(atPath: file) {
            throw ValidationError("--out \(file) exists already: personal data is never written over a file.")
        }
    }

    func run() throws {
        let now = Date()
        var documents: [SubjectAccessExport.Document] = []
        for subject in subjects {
            let (target, role) = try PrivacySubject.parse(subject, options)
            documents.append(
                try SubjectAccessExport(engine: target.engine).export(
                    caseID: target.caseID, role: role, reason: reason, by: options.actorForCommand, now: now))
        }
        for file in out {
            let text = file.hasSuffix(".json") ? SubjectAccessPage.json(documents) : SubjectAccessPage.html(documents)
            guard
                FileManager.default.createFile(
                    atPath: file, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
            else { throw ValidationError("--out \(file) cannot be written.") }
        }
        let records = documents.reduce(0) { $0 + $1.records.count }
        let values = documents.flatMap(\.records).reduce(0) { $0 + $1.values.count }
        if options.json {
            print(
                Output.json([
                    "subject": documents.map(\.subject).joined(separator: " "), "records": "\(records)",
                    "values": "\(values)",
                ]))
        } else {
            let about = documents.map { "\($0.person) in case \($0.caseReference)" }.joined(separator: "; ")
            print(
                "Exported \(values) values in \(records) records about \(about) to \(out.joined(separator: " and ")); the export is recorded on \(documents.count == 1 ? "the case" : "each case")."
            )
        }
    }
}

/// `cdop privacy migrate --out NEW`: a new database with the same events, every personal field sealed.
struct PrivacyMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy the database to a new one with every personal field sealed, and verify the copy.",
        discussion: """
            Events written before cdop sealed personal data hold it in the clear, and events are never changed: \
            this writes every event to a new database with its personal fields sealed under keys in a new keys \
            file (beside it as <name>-keys.sqlite, or --keys), carries over who was erased, copies the accounts, \
            sessions and delivery records, and fills the read models again. It then opens every copied event and \
            compares it with the original, field by field, and every copied table row by row; on any difference \
            it removes the copy. Stop the server first: it refuses while the server runs. Deploy/README.md says \
            how to switch over.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "The new database to write, e.g. /var/lib/cdop/cdop-sealed.sqlite (it must not exist).")
    var out: String

    @Option(help: "The new keys file (default: <out>-keys.sqlite beside it).")
    var keys: String?

    func run() throws {
        let engine = try options.engine()
        let total = try engine.store.eventCount()
        let progress = ProgressLine("Sealing", unit: "events", json: options.json)
        let report = try PersonalDataMigration(source: engine).run(to: out, keys: keys) { done in
            progress.update(done, of: total)
        }
        progress.finish()
        if options.json {
            print(Output.json(report))
            return
        }
        print(
            "Copied \(report.events) events (up to position \(report.lastPosition)) to \(report.database), \(report.sealedEvents) of them with personal fields sealed under \(report.subjects) people's keys in \(report.keys)."
        )
        print("Every event of the copy opens to the original, field by field; every other table matches row by row.")
        if report.erasedSubjects > 0 {
            print(
                "\(report.erasedSubjects) people erased before stay erased\(report.erasedInTheCopy > 0 ? "; \(report.erasedInTheCopy) events held their data in the clear and read erased in the copy" : "")."
            )
        }
        if let secret = report.linkSecret { print("Copied the practitioners' link secret to \(secret).") }
        print(
            "Next: stop cdop, point CDOP_DB (and CDOP_KEYS_DB) at the copy, start it, and keep the old files offline until you retire them (Deploy/README.md)."
        )
    }
}
