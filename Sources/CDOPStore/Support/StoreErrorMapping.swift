import Foundation
import GRDB

/// Turns whatever a database closure threw into an `EventStoreError`, keeping SQLite's code and message but
/// never its bound arguments (GRDB hides them unless asked, and we never ask).
enum StoreErrorMapping {
    static func map(_ error: any Error, busyTimeout: TimeInterval) -> EventStoreError {
        switch error {
        case let error as EventStoreError:
            return error
        case let error as DatabaseError:
            if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                return .databaseBusy(seconds: busyTimeout)
            }
            return .storage(code: error.extendedResultCode.rawValue, message: error.message ?? "no message")
        default:
            return .storage(code: -1, message: "\(type(of: error))")
        }
    }
}

extension EventStoreError {
    /// The store's error for a failure SQLite itself reported (a `DatabaseError` thrown out of a query that did
    /// not go through the store), or nil for any other error; so that no layer above the store needs GRDB's types.
    package static func databaseFailure(_ error: any Error) -> EventStoreError? {
        guard error is DatabaseError else { return nil }
        return StoreErrorMapping.map(error, busyTimeout: 0)
    }
}
