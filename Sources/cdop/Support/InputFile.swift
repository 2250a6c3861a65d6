import CDOPApp
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
            throw Problem(
                description:
                    "The \(what) in \(path == "-" ? "standard input" : path) is not valid: \(DecodingDescription.describe(error))."
            )
        } catch {
            throw Problem(description: "The \(what) in \(path == "-" ? "standard input" : path) is not JSON.")
        }
    }

    /// The JSON parser's complaint, without Foundation's wrapping.
    private static func describe(underlying error: any Error) -> String {
        let nsError = error as NSError
        let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String ?? nsError.localizedDescription
        return detail.hasSuffix(".") ? detail : detail + "."
    }

}
