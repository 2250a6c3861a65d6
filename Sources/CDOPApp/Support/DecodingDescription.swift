import Foundation

/// A JSON decoding error in a person's words: which field (as a path, or a JSON Pointer for problem details)
/// and what is wrong with it, never quoting the value. The CLI's input files and the JSON API both use it.
package enum DecodingDescription {
    /// Names the field (as a JSON path) without quoting its value.
    package static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, adding key: (any CodingKey)? = nil) -> String {
            let keys = (context.codingPath + (key.map { [$0] } ?? [])).map {
                $0.intValue.map { "[\($0)]" } ?? $0.stringValue
            }
            return keys.isEmpty
                ? "the top level" : keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context): return "the field \(path(context, adding: key)) is missing"
        case .typeMismatch(let type, let context): return "the field \(path(context)) should be \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "the field \(path(context)) should be \(typeName(type)), not null"
        case .dataCorrupted(let context):
            let detail = context.debugDescription.isEmpty ? "" : " (\(context.debugDescription))"
            return "the field \(path(context)) has a value that cannot be used\(detail)"
        @unknown default: return "it does not match the expected format"
        }
    }

    /// The JSON Pointer (RFC 6901) of the field a decoding error is about, e.g. `/child/dateOfBirth`.
    package static func pointer(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        var extra: [any CodingKey] = []
        switch error {
        case .keyNotFound(let key, let c):
            context = c
            extra = [key]
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): context = c
        @unknown default: return ""
        }
        return (context.codingPath + extra).map {
            "/"
                + ($0.intValue.map(String.init) ?? $0.stringValue).replacingOccurrences(of: "~", with: "~0")
                .replacingOccurrences(of: "/", with: "~1")
        }.joined()
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)".contains("Array") ? "a list" : "an object"
        }
    }
}
