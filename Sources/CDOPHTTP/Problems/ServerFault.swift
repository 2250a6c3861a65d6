import CDOPApp
import CDOPStore
import HTTPTypes

/// A failure that is the server's, not the request's: the database could not take or give the data (disk full,
/// an I/O error, busy past its timeout). Never answered as 422 "refused", which would tell a person their input
/// was wrong: it is 503 (try again later), with a problem document for programs and an error page for browsers.
package struct ServerFault: Error, Sendable, Equatable {
    /// What failed, for the operator (SQLite's code and message: never any stored data).
    package var detail: String

    /// The server fault behind `error`, or nil when `error` is a refusal of the request itself.
    package init?(_ error: any Error) {
        switch error {
        case let fault as ServerFault: self = fault
        case let error as CommandError:
            guard case .store(let store) = error, let fault = ServerFault(store) else { return nil }
            self = fault
        case let error as EventStoreError:
            switch error {
            case .storage, .databaseBusy, .cannotOpen: detail = error.description
            default: return nil
            }
        case let error as SignInError:
            guard case .unavailable(let why) = error else { return nil }
            detail = why
        default:
            guard let failure = EventStoreError.databaseFailure(error) else { return nil }
            detail = failure.description
        }
    }

    package var problem: Problem {
        Problem(
            status: .serviceUnavailable, code: "store.unavailable", title: "The database cannot be used just now",
            detail: "Nothing was saved. The server could not use its database; try again in a few minutes, and tell "
                + "whoever runs the server if this goes on.")
    }
}

/// The sentence to show beside a field for a refusal of the request; a server fault is thrown on instead, to be
/// answered 503 (a storage failure is never the person's mistake).
func refusal(_ error: any Error) throws -> String {
    if let fault = ServerFault(error) { throw fault }
    return describe(error)
}
