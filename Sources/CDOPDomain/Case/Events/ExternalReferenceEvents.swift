import CDOPJSON
import Foundation

/// The case's reference in another record of the same death (a panel's earlier spreadsheet, say), kept so the
/// coordinator finds the case by the reference they know it by.
package struct ExternalReferenceRecorded: EventPayload {
    package static let typeName = "case.externalReferenceRecorded.v1"
    package var reference: String
    /// Where the reference comes from, e.g. "the panel's earlier records".
    package var source: String
    package var at: Date

    package var summary: String { "Known as \(reference) in \(source)" }
}

/// Read by hand (`TapeReadable`): every imported historic case carries one.
extension ExternalReferenceRecorded: TapeReadable {
    package init?(reading object: JSONObjectReader) {
        guard let reference = object.string("reference"), let source = object.string("source"),
            let at = object.date("at")
        else { return nil }
        self.init(reference: reference, source: source, at: at)
    }
}
