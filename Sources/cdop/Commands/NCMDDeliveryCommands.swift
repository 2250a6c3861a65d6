import ArgumentParser
import CDOPApp
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// `cdop ncmd send`: posts what the HTTPS adapter has queued.
struct NCMDSendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Post every case document of a national return due to be sent (HTTPS adapter) and print the outcomes."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let engine = try options.engine()
        guard let sender = engine.nationalReturnSender else {
            if options.json {
                print(Output.json([NationalReturnSender.Outcome]()))
            } else {
                print("The directory adapter writes each return when it is made (CDOP_NCMD_ADAPTER): nothing to send.")
            }
            return
        }
        let outcomes = await sender.sendAll()
        if options.json {
            print(Output.json(outcomes))
            return
        }
        let count = { (result: String) in outcomes.filter { $0.result == result }.count }
        print("\(count("sent")) sent, \(count("retry")) to retry, \(count("failed")) failed.")
        for outcome in outcomes where outcome.result != "sent" {
            print("\(outcome.result.uppercased()) \(outcome.caseReference) (\(outcome.year)): \(outcome.detail)")
        }
    }
}

/// `cdop ncmd deliveries`: the case documents queued for NCMD.
struct NCMDDeliveriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries", abstract: "List the case documents queued for NCMD and where each stands.")

    @OptionGroup var options: GlobalOptions

    @Option(help: "Only deliveries in this state: pending, sent or failed.")
    var state: NationalReturnQueueState?

    func run() throws {
        let engine = try options.engine()
        let rows = try engine.store.snapshot { db in try NationalReturnQueueQueries.list(state: state, in: db) }
        if options.json {
            print(Output.json(rows))
            return
        }
        if rows.isEmpty {
            print("No case document of a national return has been queued for NCMD.")
            return
        }
        print(
            TextTable.render(
                header: ["case", "year", "state", "attempts", "idempotency key", "last error"],
                rows: rows.map {
                    [
                        CaseID($0.caseID)?.reference ?? $0.caseID, "\($0.year)", $0.state, "\($0.attempts)",
                        $0.deliveryKey, $0.lastError ?? "-",
                    ]
                }))
    }
}
