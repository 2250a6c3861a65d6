import Foundation

@testable import CDOPDomain

/// A golden file: the stored form of one event as canonical JSON, `{"data":…,"schemaVersion":…,"type":…}`.
enum GoldenFile {
    /// The folder holding the golden files inside the test bundle.
    static var bundled: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/golden-events", isDirectory: true)
    }

    /// Earlier shapes of event types that have since gained optional fields, kept to prove they still decode.
    static var older: URL { bundled.appendingPathComponent("older", isDirectory: true) }

    /// The folder in the source tree (where `CDOP_RECORD_GOLDEN=1` writes).
    static var source: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/golden-events", isDirectory: true)
    }

    /// The canonical text of an encoded event.
    static func text(_ encoded: EncodedEvent) -> String {
        "{\"data\":" + String(decoding: encoded.data, as: UTF8.self)
            + ",\"schemaVersion\":\(encoded.schemaVersion),\"type\":"
            + "\"\(encoded.type)\"}\n"
    }

    private struct Envelope: Decodable {
        var type: String
        var schemaVersion: Int
    }

    /// Reads a golden file's text into its stored form (the data re-serialised, not yet canonical).
    static func parse(_ text: String) throws -> EncodedEvent {
        let bytes = Data(text.utf8)
        let envelope = try JSONDecoder().decode(Envelope.self, from: bytes)
        let object = try JSONSerialization.jsonObject(with: bytes) as! [String: Any]
        let data = try JSONSerialization.data(withJSONObject: object["data"]!, options: [.sortedKeys])
        return EncodedEvent(type: envelope.type, schemaVersion: envelope.schemaVersion, data: data)
    }

    /// The golden file names present in a folder.
    static func names(in folder: URL) throws -> Set<String> {
        Set(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
                .map { String($0.dropLast(5)) })
    }
}

extension GoldenFile {
    /// Every event type name of every aggregate.
    static let allTypeNames =
        CaseEvent.allTypeNames + MeetingEvent.allTypeNames + AgencyEvent.allTypeNames
        + UserEvent.allTypeNames + NationalReturnLogEvent.allTypeNames

    /// Decodes a stored event with whichever aggregate owns its type.
    static func roundTrip(_ encoded: EncodedEvent) throws -> EncodedEvent {
        if encoded.type.hasPrefix("case.") {
            return try EventCodec.encode(EventCodec.decode(encoded, as: CaseEvent.self))
        }
        if encoded.type.hasPrefix("meeting.") {
            return try EventCodec.encode(EventCodec.decode(encoded, as: MeetingEvent.self))
        }
        if encoded.type.hasPrefix("user.") {
            return try EventCodec.encode(EventCodec.decode(encoded, as: UserEvent.self))
        }
        if encoded.type.hasPrefix("nationalReturn.") {
            return try EventCodec.encode(EventCodec.decode(encoded, as: NationalReturnLogEvent.self))
        }
        return try EventCodec.encode(EventCodec.decode(encoded, as: AgencyEvent.self))
    }
}
