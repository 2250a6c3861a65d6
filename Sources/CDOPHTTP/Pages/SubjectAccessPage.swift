import CDOPApp
import CDOPReports
import Foundation

/// A subject access export as a page the person can read: who it is about, when it was made, and, for each case
/// that names them, each record with its values in the order they were recorded.
package enum SubjectAccessPage {
    /// The export as JSON: the document of one subject, or a list of them for several.
    package static func json(_ documents: [SubjectAccessExport.Document]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = documents.count == 1 ? try? encoder.encode(documents[0]) : try? encoder.encode(documents)
        return String(decoding: data ?? Data("[]".utf8), as: UTF8.self)
    }

    package static func html(_ documents: [SubjectAccessExport.Document]) -> String {
        let e = HTMLText.escape
        let day = Date.FormatStyle(date: .long, time: .shortened, timeZone: TimeZone(identifier: "Europe/London")!)
        let panel = documents.first?.panel ?? ""
        let exportedAt = documents.map(\.exportedAt).max() ?? Date()
        let heading = documents.count == 1 ? "h2" : "h3"
        var body = ""
        for document in documents {
            if documents.count > 1 {
                body += "<h2>Case \(e(document.caseReference)): \(e(document.person))</h2>\n"
            } else {
                body +=
                    "<p>About: \(e(document.person)), in case \(e(document.caseReference)) (\(e(document.subject))).</p>\n"
            }
            if document.erased {
                body +=
                    "<p><strong>This person's personal data in this case has been erased:</strong> the values read \"erased\".</p>\n"
            }
            if document.records.isEmpty { body += "<p>The case holds no personal data of this person.</p>\n" }
            for record in document.records {
                let values = record.values.map { "<dt>\(e($0.field))</dt><dd>\(e($0.text))</dd>" }.joined()
                body += """
                    <section><\(heading)>\(e(record.what))</\(heading)><p>Recorded \(e(record.recordedAt.formatted(day)))</p>\
                    <dl>\(values)</dl></section>

                    """
            }
        }
        let about =
            documents.count == 1
            ? e(documents[0].subject)
            : documents.map { e($0.subject) }.joined(separator: ", ")
        let cases =
            documents.count == 1
            ? ""
            : "<p>It covers \(documents.count) records of this person in cases of the panel: \(about).</p>\n"
        return """
            <!doctype html>
            <html lang="en-GB"><head><meta charset="utf-8">
            <title>Subject access: \(about)</title>
            <style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.4}\
            dt{font-weight:bold}dd{margin:0 0 .5em 1em}section{border-top:1px solid #999;margin-top:1em}</style>
            </head><body>
            <h1>Personal data held by \(e(panel))</h1>
            <p>Exported \(e(exportedAt.formatted(day))). Each record below is one entry in a case's history that \
            holds data about this person, with what it holds.</p>
            \(cases)\(body)</body></html>

            """
    }
}
