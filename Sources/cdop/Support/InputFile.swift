import CDOPDomain
import Foundation

/// Reads a command's JSON input and says precisely what is wrong with it.
enum InputFile {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(description: "Cannot read \(path): no such file, or not readable.")
        }
        return data
    }

    static func decode<T: Decodable>(_ type: T.Type, from path: String, what: String) throws -> T {
        let data = try read(path)
        do {
            return try CanonicalJSON.decode(T.self, from: data)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw Problem(
                description: "The \(what) in \(path == "-" ? "standard input" : path) is not JSON"
                    + (context.underlyingError.map { ": \(describe(underlying: $0))" } ?? ".")
                    + " Check the quotes, commas and brackets.")
        } catch let error as DecodingError {
            throw Problem(description: "The \(what) in \(path == "-" ? "standard input" : path) is not valid: \(describe(error)).")
        } catch {
            throw Problem(description: "The \(what) in \(path == "-" ? "standard input" : path) is not JSON.")
        }
    }

    /// Names the field (as a JSON path) without quoting its value.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context, adding key: (any CodingKey)? = nil) -> String {
            let keys = (context.codingPath + (key.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the top level" : keys.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context): return "the field \(path(context, adding: key)) is missing"
        case .typeMismatch(let type, let context): return "the field \(path(context)) should be \(typeName(type))"
        case .valueNotFound(let type, let context): return "the field \(path(context)) should be \(typeName(type)), not null"
        case .dataCorrupted(let context):
            let detail = context.debugDescription.isEmpty ? "" : " (\(context.debugDescription))"
            return "the field \(path(context)) has a value that cannot be used\(detail)"
        @unknown default: return "it does not match the expected format"
        }
    }

    /// The JSON parser's complaint, without Foundation's wrapping.
    private static func describe(underlying error: any Error) -> String {
        let nsError = error as NSError
        let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String ?? nsError.localizedDescription
        return detail.hasSuffix(".") ? detail : detail + "."
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)".contains("Array") ? "a list" : "an object"
        }
    }
}
