import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

/// Why an annual national return could not be made or handed over. Names no child and no token.
package enum NationalReturnError: Error, Sendable, Equatable, CustomStringConvertible {
    case yearOutOfRange(Int)
    case unreadable(CommandError)
    case unwritable(String)
    case delivery(NationalReturnDeliveryError)
    case notRecorded(CommandError)

    package var description: String {
        switch self {
        case .yearOutOfRange(let year):
            "The reporting year \(year) is out of range: give the year the reporting year starts, e.g. 2025 for 2025-26."
        case .unreadable(let error): "The cases could not be read: \(error)"
        case .unwritable(let detail): "The return's files could not be made: \(detail)"
        case .delivery(let error): "The return was made but not handed over: \(error)"
        case .notRecorded(let error):
            "The return was handed over but its record could not be written (making it again records it): \(error)"
        }
    }
}

/// A return made and handed to its adapter.
package struct ProducedNationalReturn: Sendable {
    package var export: NationalReturnExport
    package var receipt: NationalReturnReceipt
}

extension Engine {
    /// The days of the reporting year starting 1 April `year`.
    package static func nationalReturnPeriod(_ year: Int) throws(NationalReturnError) -> (
        from: CalendarDate, to: CalendarDate
    ) {
        guard let days = ReportingYear.days(year) else { throw .yearOutOfRange(year) }
        return days
    }

    /// The annual return of `year` as the store holds the cases now, not yet handed over.
    package func nationalReturn(year: Int, forms: FormCatalog) throws(NationalReturnError) -> NationalReturnExport {
        let period = try Self.nationalReturnPeriod(year)
        let states: [CaseState]
        do {
            states = try workflow.caseStates(deathsFrom: period.from, to: period.to)
        } catch {
            throw .unreadable(error)
        }
        do {
            return try NationalReturnExport(
                year: year, deathsFrom: period.from, deathsTo: period.to, cases: states, forms: forms,
                panel: configuration.panelName)
        } catch {
            throw .unwritable("\(error)")
        }
    }

    /// Makes the annual return of `year`, hands it to `adapter` (the configured one when nil), and records it on
    /// the year's stream (its manifest's SHA-256, how many cases it holds and leaves out, who, when). Making the
    /// same return again hands it over again, which its adapter makes harmless, and records nothing new.
    package func produceNationalReturn(
        year: Int, forms: FormCatalog, adapter: (any NationalReturnAdapter)? = nil, by actor: Actor
    ) async throws(NationalReturnError) -> ProducedNationalReturn {
        let export = try nationalReturn(year: year, forms: forms)
        let receipt: NationalReturnReceipt
        do {
            receipt = try await (adapter ?? nationalReturnAdapter).deliver(export.nationalReturn, by: actor)
        } catch {
            throw .delivery(error)
        }
        let command = NationalReturnLogCommand.recordProduced(
            year: year, manifestHash: export.nationalReturn.manifestHash, casesIncluded: export.manifest.cases.included,
            casesLeftOut: export.manifest.cases.leftOut)
        do {
            try await workflow.handler.runQueued(by: actor) { session throws(CommandError) in
                try session.decide(NationalReturnLogDecider.self, NationalReturnLog.streamID(year: year), command)
            }
        } catch {
            throw .notRecorded(error)
        }
        return ProducedNationalReturn(export: export, receipt: receipt)
    }

    /// The record of a reporting year's returns and reminders.
    package func nationalReturnLog(year: Int) throws(CommandError) -> NationalReturnLogState {
        try workflow.load(NationalReturnLogDecider.self, NationalReturnLog.streamID(year: year))
    }

    /// The returns recorded for `year`, oldest first.
    package func nationalReturnsProduced(year: Int) throws(CommandError) -> [NationalReturnProduced] {
        try nationalReturnLog(year: year).returns
    }
}
