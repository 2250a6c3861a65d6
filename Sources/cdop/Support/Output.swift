import Foundation

/// Writing results and errors the same way in every command.
enum Output {
    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("cdop: \(message)\n".utf8))
    }
}
