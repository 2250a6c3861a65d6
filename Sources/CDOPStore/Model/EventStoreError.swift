import Foundation

/// Everything the event store can refuse or fail at, in words an operator or coordinator can act on.
///
/// No case carries event data: payloads hold personal data about children and must never reach a log line
/// through an error message. Stream ids, event ids and SQLite result codes are safe to show.
package enum EventStoreError: Error, Equatable, CustomStringConvertible {
    /// The stream was not at the version the writer expected: someone else changed it first.
    case wrongExpectedVersion(stream: String, expected: ExpectedVersion, actual: Int64)
    /// An event id already stored was appended again with a different stream, type or content.
    case eventIDReusedWithDifferentContent(eventID: UUID, stream: String)
    /// Some events of a batch were already stored and others were not: a retried batch must be resent whole.
    case batchPartlyStored(stream: String, alreadyStored: Int, total: Int)
    /// An append named a stream but no events.
    case emptyAppend(stream: String)
    /// A stream id was empty or too long.
    case invalidStreamID(String)
    /// An event type name was empty, or a schema version was below 1.
    case invalidEventType(eventID: UUID)
    /// An event's data or metadata was not valid JSON.
    case invalidJSON(eventID: UUID)
    /// Another process held the database for longer than the busy timeout.
    case databaseBusy(seconds: Double)
    /// The database file was written by a newer cdop than this one.
    case databaseNewerThanApplication(unknownMigrations: [String])
    /// The database file could not be opened or prepared.
    case cannotOpen(path: String, reason: String)
    /// An upcaster failed to bring a stored event to the current shape.
    case upcastFailed(type: String, schemaVersion: Int, position: Int64, reason: String)
    /// An event's personal fields could not be sealed or opened (the keys file; `reason` names no value).
    case personalDataUnavailable(position: Int64, reason: String)
    /// Any other SQLite failure, by result code and SQLite's own message (which never includes bound values).
    case storage(code: Int32, message: String)

    package var description: String {
        switch self {
        case .wrongExpectedVersion(let stream, let expected, let actual):
            "Stream \(stream) was changed by someone else: expected \(expected), but it is at version \(actual). "
                + "Reload and try again."
        case .eventIDReusedWithDifferentContent(let eventID, let stream):
            "Event \(eventID.uuidString.lowercased()) is already stored with different content; "
                + "refusing to append it to \(stream). Each event needs a new id."
        case .batchPartlyStored(let stream, let alreadyStored, let total):
            "\(alreadyStored) of the \(total) events for \(stream) are already stored: a retry must resend the "
                + "original batch unchanged."
        case .emptyAppend(let stream):
            "Nothing to append to \(stream): the batch has no events."
        case .invalidStreamID(let stream):
            "\"\(stream.prefix(80))\" is not a valid stream id (1 to 200 characters)."
        case .invalidEventType(let eventID):
            "Event \(eventID.uuidString.lowercased()) has no type name or a schema version below 1."
        case .invalidJSON(let eventID):
            "Event \(eventID.uuidString.lowercased()) carries data or metadata that is not valid JSON."
        case .databaseBusy(let seconds):
            "The database stayed busy for more than \(seconds) seconds (another cdop process is writing). Try again."
        case .databaseNewerThanApplication(let unknown):
            "This database was upgraded by a newer cdop (migrations \(unknown.joined(separator: ", "))); "
                + "install that version or restore a backup."
        case .cannotOpen(let path, let reason):
            "Cannot open the database \(path): \(reason)"
        case .upcastFailed(let type, let version, let position, let reason):
            "Stored event \(position) (\(type), schema \(version)) cannot be read by this version: \(reason)"
        case .personalDataUnavailable(let position, let reason):
            position > 0
                ? "The personal data of stored event \(position) cannot be read: \(reason)"
                : "Personal data cannot be written: \(reason)"
        case .storage(let code, let message):
            "The database reported error \(code): \(message)"
        }
    }
}
