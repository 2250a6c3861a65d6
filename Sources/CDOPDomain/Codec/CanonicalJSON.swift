import CDOPJSON
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

    /// Encodes a value canonically: as it writes itself when it is `CanonicalWritable`, else through
    /// `CanonicalJSONWriter`, or Foundation's encoder for what that declines.
    package static func encode(_ value: some Encodable) throws -> Data {
        if let writable = value as? any CanonicalWritable { return try write(writable) }
        if let data = try CanonicalJSONWriter.encode(value, instants: Timestamp.self) { return data }
        return try encoder().encode(value)
    }

    /// The JSON a hand-written payload writes; in debug builds checked against Codable's, byte for byte.
    static func write(_ value: some CanonicalWritable) throws -> Data {
        let data = CanonicalJSONWriter.write(value, instants: Timestamp.self)
        #if DEBUG
            // Only the type is named: the data is personal.
            let viaCodable = try encoder().encode(value)
            precondition(data == viaCodable, "\(type(of: value)) writes other JSON than Codable")
        #endif
        return data
    }

    /// Decodes a value from JSON: instants as ISO 8601 text, otherwise as Foundation's `JSONDecoder` would, and
    /// with the same `DecodingError`s, but several times faster (`JSONTapeDecoder`).
    package static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONTapeDecoder.decode(type, from: data, instants: Timestamp.self)
    }
}
