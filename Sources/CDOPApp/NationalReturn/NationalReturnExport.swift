import CDOPDefinitions
import CDOPDomain
import Foundation

/// The annual national return of one reporting year, made from the cases whose child died in it: one JSON
/// document per case in the return and ready (`cases/KEY.json`), a CSV per national form (`csv/FORM.csv`), the
/// cases left out and why (`left-out.csv`), and a manifest (`manifest.json`) with the counts and the SHA-256 of
/// every other file. The same cases give the same bytes, so the manifest's SHA-256 names the return.
package struct NationalReturnExport: Sendable {
    /// A case of the year that the return leaves out, and why.
    package struct LeftOut: Encodable, Sendable, Equatable {
        package var caseReference: String
        package var dateOfDeath: String
        /// "notInReturn" (out of scope, merged or transferred) or "notReady".
        package var kind: String
        package var why: [String]
    }

    package struct Manifest: Encodable, Sendable, Equatable {
        package struct Counts: Encodable, Sendable, Equatable {
            package var included: Int
            package var reviewed: Int
            package var open: Int
            package var leftOut: Int
        }

        package struct File: Encodable, Sendable, Equatable {
            package var path: String
            package var bytes: Int
            package var sha256: String
        }

        package var documentVersion = 1
        package var returnYear: Int
        package var deathsFrom: String
        package var deathsTo: String
        package var panel: String
        package var cases: Counts
        /// How many case documents hold each national form.
        package var forms: [String: Int]
        package var files: [File]
        package var leftOut: [LeftOut]
    }

    package var nationalReturn: NationalReturn
    package var manifest: Manifest
    package var documents: [NationalCaseDocument]

    /// The return of `year` (deaths from 1 April `year` to 31 March the next year) from `cases`, the states of
    /// the cases whose child died in it.
    package init(
        year: Int, deathsFrom: CalendarDate, deathsTo: CalendarDate, cases: [CaseState], forms: FormCatalog,
        panel: String
    ) throws {
        var documents: [NationalCaseDocument] = []
        var caseFiles: [NationalReturn.CaseDocument] = []
        var leftOut: [LeftOut] = []
        let inYear = cases.filter { state in
            state.notification.map { (deathsFrom...deathsTo).contains($0.death.date) } ?? false
        }.sorted { ($0.caseID?.reference ?? "") < ($1.caseID?.reference ?? "") }
        for state in inYear {
            guard let caseID = state.caseID, let died = state.notification?.death.date else { continue }
            if let document = NationalCaseDocument(state, year: year, panel: panel, forms: forms) {
                documents.append(document)
                caseFiles.append(
                    NationalReturn.CaseDocument(
                        caseID: caseID, nationalCaseKey: document.nationalCaseKey, json: try document.json()))
            } else {
                leftOut.append(Self.leftOut(state, reference: caseID.reference, died: died, forms: forms))
            }
        }
        var files: [String: Data] = [:]
        for form in forms.national.forms {
            files["csv/\(form.id).csv"] = Self.csv(of: form, documents)
        }
        files["left-out.csv"] = Self.csv(leftOut)
        let listed =
            caseFiles.map { ("cases/\($0.nationalCaseKey).json", $0.json) }
            + files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let manifest = Manifest(
            returnYear: year, deathsFrom: deathsFrom.iso, deathsTo: deathsTo.iso, panel: panel,
            cases: Manifest.Counts(
                included: documents.count, reviewed: documents.filter { $0.status == "reviewed" }.count,
                open: documents.filter { $0.status == "open" }.count, leftOut: leftOut.count),
            forms: documents.flatMap(\.forms).reduce(into: [:]) { $0[$1.nationalForm, default: 0] += 1 },
            files: listed.map { Manifest.File(path: $0.0, bytes: $0.1.count, sha256: SHA256Hex.of($0.1)) },
            leftOut: leftOut)
        let manifestData = try NationalReturnJSON.encoder.encode(manifest)
        files["manifest.json"] = manifestData
        self.manifest = manifest
        self.documents = documents
        nationalReturn = NationalReturn(
            year: year, manifestHash: SHA256Hex.of(manifestData), documents: caseFiles, otherFiles: files)
    }

    private static func leftOut(_ state: CaseState, reference: String, died: CalendarDate, forms: FormCatalog)
        -> LeftOut
    {
        var why: [String] = []
        if let reason = state.outOfScope { why.append("Out of scope: \(reason.label)") }
        if let original = state.duplicateOf { why.append("Merged into \(original.reference)") }
        if let transfer = state.transfer { why.append("Transferred to \(transfer.toPanel)") }
        guard why.isEmpty else {
            return LeftOut(caseReference: reference, dateOfDeath: died.iso, kind: "notInReturn", why: why)
        }
        let readiness = NationalReturnCheck.readiness(state, forms: forms)
        return LeftOut(
            caseReference: reference, dateOfDeath: died.iso, kind: "notReady",
            why: readiness.reasons.map(\.description))
    }

    /// One national form's rows: a row per case document part answering it, a column per national item.
    private static func csv(of form: NationalForm, _ documents: [NationalCaseDocument]) -> Data {
        let items = form.sections.flatMap(\.items)
        var rows: [[CSVField]] = [
            ["national case key", "case reference", "request", "agency", "finalised at"].map(CSVField.text)
                + items.map { .text($0.key) }
        ]
        for document in documents {
            for part in document.forms where part.nationalForm == form.id {
                rows.append(
                    [
                        document.nationalCaseKey, document.caseReference, part.requestId ?? "", part.agency ?? "",
                        part.finalisedAt,
                    ].map(CSVField.text) + items.map { .text(part.items[$0.key]?.cell ?? "") })
            }
        }
        return Data(CSVWriter.document(rows).utf8)
    }

    private static func csv(_ leftOut: [LeftOut]) -> Data {
        let rows: [[CSVField]] =
            [["case reference", "date of death", "left out", "why"].map(CSVField.text)]
            + leftOut.map {
                [$0.caseReference, $0.dateOfDeath, $0.kind, $0.why.joined(separator: "; ")].map(CSVField.text)
            }
        return Data(CSVWriter.document(rows).utf8)
    }
}
