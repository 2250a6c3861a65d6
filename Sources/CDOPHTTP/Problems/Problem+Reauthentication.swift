import CDOPApp
import HTTPTypes

extension Problem {
    /// A refused re-authentication as a problem: missing fields name their pointers; a wrong password or code is
    /// 403, too many attempts 429.
    init(_ error: ReauthenticationError) {
        switch error {
        case .missing:
            self.init(
                status: .unprocessableContent, code: error.code, title: "Password and code needed",
                detail: error.description,
                errors: [
                    .init(pointer: "/password", detail: "your current password"),
                    .init(pointer: "/code", detail: "a new code from your authenticator app"),
                ])
        case .wrong:
            self.init(status: .forbidden, code: error.code, title: "Not confirmed", detail: error.description)
        case .heldBack:
            self.init(status: .tooManyRequests, code: error.code, title: "Too many attempts", detail: error.description)
        case .noSecondFactor:
            self.init(
                status: .unprocessableContent, code: error.code, title: "No second factor", detail: error.description)
        case .unavailable:
            self.init(
                status: .serviceUnavailable, code: error.code, title: "Not possible just now", detail: error.description
            )
        }
    }
}
