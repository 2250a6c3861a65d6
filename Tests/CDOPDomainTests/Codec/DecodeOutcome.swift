import Foundation

@testable import CDOPDomain

/// What a decode came to, comparable across two decoders: the value, or the error's kind and path.
enum DecodeOutcome<T: Equatable>: Equatable {
    case value(T)
    case failure(kind: String, path: [String])

    /// What `body`, decoding a `type`, came to.
    static func of(_ type: T.Type, _ body: () throws -> T) -> DecodeOutcome<T> {
        do {
            return .value(try body())
        } catch let error as DecodingError {
            func path(_ context: DecodingError.Context) -> [String] {
                context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            }
            switch error {
            case .keyNotFound(let key, let context):
                return .failure(kind: "keyNotFound \(key.stringValue)", path: path(context))
            case .typeMismatch(_, let context): return .failure(kind: "typeMismatch", path: path(context))
            case .valueNotFound(_, let context): return .failure(kind: "valueNotFound", path: path(context))
            case .dataCorrupted(let context): return .failure(kind: "dataCorrupted", path: path(context))
            @unknown default: return .failure(kind: "unknown", path: [])
            }
        } catch {
            return .failure(kind: "other \(Swift.type(of: error))", path: [])
        }
    }
}

extension JSONDecoder {
    /// Foundation's decoder, configured as stored data was read before the tape decoder.
    static func asStoredDataWasRead() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not an ISO 8601 instant")
            }
            return date
        }
        return decoder
    }
}
