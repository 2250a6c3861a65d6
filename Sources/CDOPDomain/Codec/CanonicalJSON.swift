import Foundation

/// The one JSON form of stored data: sorted keys, no escaped slashes, instants as ISO 8601 UTC text.
package enum CanonicalJSON {
    /// A fresh encoder writing canonical JSON.
    package static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }

    /// Encodes a value canonically.
    package static func encode(_ value: some Encodable) throws -> Data {
        try encoder().encode(value)
    }

    /// Decodes a value from JSON: instants as ISO 8601 text, otherwise as Foundation's `JSONDecoder` would, and
    /// with the same `DecodingError`s, but several times faster (`JSONTapeDecoder`).
    package static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONTapeDecoder.decode(type, from: data)
    }
}
