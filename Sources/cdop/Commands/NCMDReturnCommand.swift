import ArgumentParser
import CDOPApp
import CDOPDomain
import Foundation

/// `cdop ncmd return --year Y [--out DIR]`: makes the annual national return and hands it over.
struct NCMDReturnCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return",
        abstract: "Make the annual national return of a reporting year and hand it to NCMD's adapter.",
        discussion: """
            Takes the deaths from 1 April YEAR to 31 March YEAR+1: one JSON document per case in the return and \
            ready (keyed by national item), a CSV per national form, the cases left out and why, and a manifest \
            with the SHA-256 of every file. With --out the files are written under DIR (in a folder of their own, \
            ncmd-return-YEAR-HASH); without it, the configured adapter takes them (CDOP_NCMD_ADAPTER). The return \
            is recorded with its manifest's SHA-256; making the same return again changes nothing.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "The reporting year starting 1 April, e.g. 2025 for 2025-26.")
    var year: Int

    @Option(help: "Write the return's files under this folder instead of handing them to the configured adapter.")
    var out: String?

    struct Summary: Encodable {
        var year: Int
        var manifestHash: String
        var included: Int
        var reviewed: Int
        var open: Int
        var leftOut: [NationalReturnExport.LeftOut]
        var folder: String?
        var queued: Int?
    }

    func validate() throws {
        do { _ = try Engine.nationalReturnPeriod(year) } catch { throw ValidationError("--year: \(error)") }
        if let out, out.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--out: name the folder to write the return under.")
        }
    }

    func run() async throws {
        let engine = try options.engine()
        let adapter = out.map { DirectoryReturnAdapter(directory: $0) }
        if let out { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
        let produced = try await engine.produceNationalReturn(
            year: year, forms: try engine.formCatalog(), adapter: adapter, by: options.actorForCommand)
        let manifest = produced.export.manifest
        var summary = Summary(
            year: year, manifestHash: produced.export.nationalReturn.manifestHash, included: manifest.cases.included,
            reviewed: manifest.cases.reviewed, open: manifest.cases.open, leftOut: manifest.leftOut)
        switch produced.receipt {
        case .written(let folder, _): summary.folder = folder
        case .queued(let documents, _): summary.queued = documents
        }
        if options.json {
            print(Output.json(summary))
            return
        }
        print(
            "National return \(ReportingYear.label(year)): \(manifest.cases.included) case(s) "
                + "included (\(manifest.cases.reviewed) reviewed, \(manifest.cases.open) open), "
                + "\(manifest.cases.leftOut) left out.")
        print("Manifest SHA-256: \(summary.manifestHash)")
        switch produced.receipt {
        case .written(let folder, let files): print("Written: \(files) files in \(folder)")
        case .queued(let documents, let before):
            print("Queued for NCMD: \(documents) case document(s)\(before > 0 ? ", \(before) queued before" : "").")
        }
        guard !manifest.leftOut.isEmpty else { return }
        print("")
        print(
            TextTable.render(
                header: ["left out", "died", "why"],
                rows: manifest.leftOut.flatMap { item in
                    item.why.enumerated().map { index, why in
                        index == 0 ? [item.caseReference, item.dateOfDeath, why] : ["", "", why]
                    }
                }))
    }
}
