import ArgumentParser
import CDOPDomain
import Foundation

/// Checks across a command's options, made in `validate()` once the values are parsed (`ArgumentTypes.swift`), so
/// a bad combination is refused before the database is opened; each message names the option.
enum OptionChecks {
    /// Refuses an end that is not after its start.
    static func refuse(_ end: Date?, notAfter start: Date?, option: String, startOption: String) throws {
        guard let end, let start, end <= start else { return }
        throw ValidationError(
            "\(option): \"\(Timestamp.format(end))\" is not after \(startOption) \"\(Timestamp.format(start))\".")
    }
}
