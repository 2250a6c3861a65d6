import Foundation

/// How a document spells an instant (`Date`): the one part of the canonical form the JSON codec leaves to its
/// user, who names it for every encoding and decoding (the domain names its `Timestamp`).
package protocol InstantSpelling {
    /// The instant's text, without quotes.
    static func format(_ instant: Date) -> String
    /// Appends `format(instant)`'s UTF-8 to `bytes`.
    static func append(_ instant: Date, to bytes: inout [UInt8])
    /// The instant spelt by `text`, or nil.
    static func parse(_ text: String) -> Date?
    /// The instant spelt by `bytes` (UTF-8), or nil.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date?
}
