import CDOPDomain
import Foundation

/// One annual national return as its export hands it to the sending: the year, the SHA-256 of its manifest, one
/// JSON document per case, and the return's other files (CSVs, the manifest) for an adapter that keeps them.
package struct NationalReturn: Sendable, Equatable {
    /// One case's document of the return.
    package struct CaseDocument: Sendable, Equatable {
        package var caseID: CaseID
        /// The case's key in the national data set (the document's file name, the receiver's case id).
        package var nationalCaseKey: String
        package var json: Data

        package init(caseID: CaseID, nationalCaseKey: String, json: Data) {
            self.caseID = caseID
            self.nationalCaseKey = nationalCaseKey
            self.json = json
        }
    }

    package var year: Int
    /// Lower-case hex SHA-256 of the return's manifest.
    package var manifestHash: String
    package var documents: [CaseDocument]
    /// The return's other files by relative path ("manifest.json", "csv/reporting.csv"); the directory
    /// adapter writes them beside the case documents, the HTTPS adapter posts case documents only.
    package var otherFiles: [String: Data]

    package init(year: Int, manifestHash: String, documents: [CaseDocument], otherFiles: [String: Data] = [:]) {
        self.year = year
        self.manifestHash = manifestHash
        self.documents = documents
        self.otherFiles = otherFiles
    }

    /// The Idempotency-Key of a case's document in this return.
    package func deliveryKey(of document: CaseDocument) -> String {
        NationalReturnDelivery.key(year: year, manifestHash: manifestHash, caseID: document.caseID)
    }
}

/// What an adapter did with a return.
package enum NationalReturnReceipt: Sendable, Equatable {
    /// Every file written under this folder (or found there already: the same return delivered before).
    case written(folder: String, files: Int)
    /// Every case document queued for the HTTPS sender; `alreadyQueued` of them were queued before.
    case queued(documents: Int, alreadyQueued: Int)
}

/// Why an adapter could not take a return. The description names no personal data and no token.
package struct NationalReturnDeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    package var code: String
    package var description: String

    package init(code: String, _ description: String) {
        self.code = code
        self.description = description
    }
}

/// The contract every way of sending a national return to NCMD fulfils: it takes one return and delivers it
/// (writes it, or queues its case documents to be posted), by `actor`. Delivering the same return again does
/// no harm: the directory adapter finds its folder already written, the HTTPS adapter queues nothing twice.
package protocol NationalReturnAdapter: Sendable {
    func deliver(_ nationalReturn: NationalReturn, by actor: Actor) async throws(NationalReturnDeliveryError)
        -> NationalReturnReceipt
}
