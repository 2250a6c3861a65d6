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
