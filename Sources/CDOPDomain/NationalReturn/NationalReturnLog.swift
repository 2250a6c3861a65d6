import Foundation

/// The record of a reporting year's annual national returns (stream `national-return-<year>`): each return the
/// panel produced, with the SHA-256 of its manifest, so that what was sent can be matched to its files later.
package enum NationalReturnLog {
    /// The stream of a reporting year's returns (the year starting 1 April).
    package static func streamID(year: Int) -> String { "national-return-\(year)" }
}

/// An annual national return was produced (and handed to the adapter that sends it).
package struct NationalReturnProduced: EventPayload {
    package static let typeName = "nationalReturn.produced.v1"
    /// The reporting year starting 1 April.
    package var year: Int
    /// Lower-case hex SHA-256 of the return's manifest.
    package var manifestHash: String
    package var casesIncluded: Int
    package var casesLeftOut: Int
    package var at: Date

    package var summary: String {
        "National return for \(year)-\(String(format: "%02d", (year + 1) % 100)) produced: \(casesIncluded) "
            + "case\(casesIncluded == 1 ? "" : "s") included, \(casesLeftOut) left out (manifest "
            + "\(manifestHash.prefix(12)))"
    }
}

/// The facts of a reporting year's returns.
package enum NationalReturnLogEvent: DomainEvent {
    case produced(NationalReturnProduced)

    package static let registry = EventRegistry<NationalReturnLogEvent>([.init(NationalReturnLogEvent.produced)])

    package var payload: any EventPayload {
        switch self {
        case .produced(let p): p
        }
    }
}

/// A reporting year's returns, oldest first.
package struct NationalReturnLogState: Equatable, Sendable {
    package var returns: [NationalReturnProduced] = []

    package init() {}
}

/// What can be recorded of a year's returns.
package enum NationalReturnLogCommand: Sendable {
    case recordProduced(year: Int, manifestHash: String, casesIncluded: Int, casesLeftOut: Int)
}

/// The rules of the returns' record: a return names its year and its manifest's SHA-256; producing the very same
/// return again (the same manifest) records nothing new.
package enum NationalReturnLogDecider: Decider {
    package static let initialState = NationalReturnLogState()

    package static func decide(
        _ command: NationalReturnLogCommand, state: NationalReturnLogState, context: DecisionContext
    ) throws(DomainError) -> [NationalReturnLogEvent] {
        switch command {
        case .recordProduced(let year, let hash, let included, let leftOut):
            guard (1900...2200).contains(year) else {
                throw DomainError(
                    code: "ncmd.yearOutOfRange", "The reporting year \(year) is not a year cdop can report.")
            }
            guard hash.count == 64, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw DomainError(
                    code: "ncmd.manifestHashInvalid", "The manifest's SHA-256 must be 64 lower-case hex digits.")
            }
            guard included >= 0, leftOut >= 0 else {
                throw DomainError(code: "ncmd.countInvalid", "The counts of cases cannot be negative.")
            }
            if state.returns.contains(where: { $0.manifestHash == hash }) { return [] }
            return [
                .produced(
                    NationalReturnProduced(
                        year: year, manifestHash: hash, casesIncluded: included, casesLeftOut: leftOut,
                        at: context.now))
            ]
        }
    }

    package static func evolve(_ state: consuming NationalReturnLogState, _ event: NationalReturnLogEvent)
        -> NationalReturnLogState
    {
        switch event {
        case .produced(let produced): state.returns.append(produced)
        }
        return state
    }
}
