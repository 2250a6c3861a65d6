import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An RFC 9457 problem document: what went wrong, for a program, naming each field that is wrong.
package struct Problem: Error, Sendable, Encodable, Equatable {
    /// One field that is wrong: a JSON Pointer into the request body and what to do about it.
    package struct FieldProblem: Sendable, Encodable, Equatable {
        package var pointer: String
        package var detail: String
    }

    package var type: String
    package var title: String
    package var status: Int
    package var detail: String
    /// A stable code for programs (the engine's error code, e.g. `notification.dateOfBirthAfterDeath`).
    package var code: String
    package var errors: [FieldProblem]

    package init(status: HTTPResponse.Status, code: String, title: String, detail: String, errors: [FieldProblem] = [])
    {
        self.type = "https://cdop.invalid/problems/" + code
        self.title = title
        self.status = status.code
        self.detail = detail
        self.code = code
        self.errors = errors
    }

    /// The problem as an `application/problem+json` response.
    package var response: Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(self)) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    package static func notSignedIn() -> Problem {
        Problem(
            status: .unauthorized, code: "auth.required", title: "Sign in first",
            detail: "This call needs a signed-in session.")
    }

    package static func forbidden() -> Problem {
        Problem(
            status: .forbidden, code: "auth.forbidden", title: "Not allowed", detail: "Your role does not allow this.")
    }

    package static func passwordChangeRequired() -> Problem {
        Problem(
            status: .forbidden, code: "auth.passwordChangeRequired", title: "Set a new password first",
            detail: "This session signed in with a generated password, which works only once: a new password must be "
                + "set first (on the account page, /account) before anything else can be used.")
    }

    package static func csrf() -> Problem {
        Problem(
            status: .forbidden, code: "auth.csrf", title: "Missing or wrong CSRF token",
            detail: "Send the session's token in the X-CSRF-Token header.")
    }

    package static func bodyTooLarge() -> Problem {
        Problem(
            status: .contentTooLarge, code: "input.tooLarge", title: "Request body too large",
            detail: "The request body is larger than \(WebLimits.maxBodyBytes / 1024) KB, the most the server accepts.")
    }

    package static func notFound(_ what: String) -> Problem {
        Problem(
            status: .notFound, code: "notFound", title: "Not found", detail: "There is no \(what) with that reference.")
    }
}
