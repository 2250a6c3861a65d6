import CDOPApp
import CDOPDefinitions
import CDOPDomain
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// JSON in and out of the API, and every failure as an RFC 9457 problem.
enum API {
    /// `value` as JSON with `status`.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let body = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Runs an API handler: any error it throws becomes the problem that says what went wrong.
    static func handle(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch {
            return problem(for: error).response
        }
    }

    static func problem(for error: any Error) -> Problem {
        if let fault = ServerFault(error) { return fault.problem }
        switch error {
        case let problem as Problem:
            return problem
        case let errors as FieldErrors:
            return Problem(
                status: .unprocessableContent, code: "input.invalid", title: "Some answers need correcting",
                detail: errors.errors.map(\.message).joined(separator: " "),
                errors: errors.errors.map { .init(pointer: "/answers/" + $0.path, detail: $0.message) })
        case let error as CommandError:
            if case .notFound(let kind, _) = error { return .notFound(kind) }
            return Problem(status: .unprocessableContent, code: error.code, title: "Refused", detail: error.description)
        case let error as DomainError:
            return Problem(status: .unprocessableContent, code: error.code, title: "Refused", detail: error.description)
        case is NIOTooManyBytesError:
            // The body went over `WebLimits.maxBodyBytes` (with a Content-Length or chunked) while being read.
            return .bodyTooLarge()
        case let error as HTTPError:
            return Problem(
                status: error.status, code: "http.\(error.status.code)", title: error.status.reasonPhrase,
                detail: error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError:
            return Problem(
                status: error.status, code: "http.\(error.status.code)", title: error.status.reasonPhrase,
                detail: error.status.reasonPhrase)
        default:
            return Problem(
                status: .internalServerError, code: "server.error", title: "Server error",
                detail: "The request could not be completed.")
        }
    }

    /// The request's JSON body as `T`: a missing or wrong content type is 415; a field that does not decode is
    /// named by its JSON Pointer.
    static func body<T: Decodable>(_ type: T.Type, _ request: inout Request) async throws -> T {
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("application/json") else {
            throw Problem(
                status: .unsupportedMediaType, code: "input.notJSON", title: "JSON expected",
                detail: "Send the body as JSON with Content-Type: application/json.")
        }
        let buffer = try await request.collectBody(upTo: WebLimits.maxBodyBytes)
        do {
            return try CanonicalJSON.decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            let pointer = DecodingDescription.pointer(error)
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw Problem(
                    status: .badRequest, code: "input.notJSON", title: "Not JSON", detail: "The body is not JSON.")
            }
            let detail = DecodingDescription.describe(error)
            throw Problem(
                status: .unprocessableContent, code: "input.invalid", title: "The request body is not valid",
                detail: detail,
                errors: [.init(pointer: pointer, detail: detail)])
        }
    }
}
