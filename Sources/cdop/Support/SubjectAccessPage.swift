import CDOPApp
import CDOPReports
import Foundation

/// A subject access export as a page the person can read: who it is about, when it was made, and each record
/// with its values, in the order they were recorded.
enum SubjectAccessPage {
    static func html(_ document: SubjectAccessExport.Document) -> String {
        let e = HTMLText.escape
        let day = Date.FormatStyle(date: .long, time: .shortened, timeZone: TimeZone(identifier: "Europe/London")!)
        var rows = ""
        for record in document.records {
            let values = record.values.map { "<dt>\(e($0.field))</dt><dd>\(e($0.text))</dd>" }.joined()
            rows += """
                <section><h2>\(e(record.what))</h2><p>Recorded \(e(record.recordedAt.formatted(day)))</p>\
                <dl>\(values)</dl></section>

                """
        }
        let erased =
            document.erased
            ? "<p><strong>This person's personal data has been erased:</strong> the values read \"erased\".</p>" : ""
        let none = document.records.isEmpty ? "<p>The case holds no personal data of this person.</p>" : ""
        return """
            <!doctype html>
            <html lang="en-GB"><head><meta charset="utf-8">
            <title>Subject access: \(e(document.subject))</title>
            <style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.4}\
            dt{font-weight:bold}dd{margin:0 0 .5em 1em}section{border-top:1px solid #999;margin-top:1em}</style>
            </head><body>
            <h1>Personal data held by \(e(document.panel))</h1>
            <p>About: \(e(document.person)), in case \(e(document.caseReference)) (\(e(document.subject))).</p>
            <p>Exported \(e(document.exportedAt.formatted(day))). Each record below is one entry in the case's \
            history that holds data about this person, with what it holds.</p>
            \(erased)\(none)\(rows)</body></html>

            """
    }
}
