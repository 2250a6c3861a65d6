import CDOPDomain
import CDOPPrimitives
import Foundation

/// The HTTPS adapter's first half: queues each case document of a return on its case
/// (`case.nationalReturnQueued.v1`), every case in one transaction, for `NationalReturnSender` to post. The
/// same return queued again queues nothing new.
package struct HTTPSReturnAdapter: NationalReturnAdapter {
    package let workflow: CaseWorkflow

    package init(workflow: CaseWorkflow) {
        self.workflow = workflow
    }

    package func deliver(_ nationalReturn: NationalReturn, by actor: Actor) async throws(NationalReturnDeliveryError)
        -> NationalReturnReceipt
    {
        var commands: [(CaseID, NationalReturnDocument)] = []
        for document in nationalReturn.documents {
            guard let text = String(data: document.json, encoding: .utf8) else {
                throw NationalReturnDeliveryError(
                    code: "ncmd.documentNotText",
                    "The document of case \(document.caseID.reference) is not UTF-8 text, so it cannot be posted.")
            }
            commands.append(
                (
                    document.caseID,
                    NationalReturnDocument(
                        deliveryKey: nationalReturn.deliveryKey(of: document), year: nationalReturn.year,
                        manifestHash: nationalReturn.manifestHash, nationalCaseKey: document.nationalCaseKey,
                        document: text)
                ))
        }
        let commandID = NameBasedUUID.make("ncmd|queue|\(nationalReturn.year)|\(nationalReturn.manifestHash)")
        let queued: Int
        do {
            queued =
                try workflow.handler.run(by: actor, commandID: commandID) { session throws(CommandError) in
                    var count = 0
                    for (caseID, document) in commands {
                        count += try session.decideOnCase(caseID, .queueNationalReturn(document), schedules: nil).count
                    }
                    return count
                }.value ?? 0
        } catch {
            throw NationalReturnDeliveryError(
                code: error.code, "The national return could not be queued: \(error.description)")
        }
        return .queued(documents: commands.count, alreadyQueued: commands.count - queued)
    }
}
