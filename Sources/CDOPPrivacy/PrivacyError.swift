/// What went wrong protecting or revealing personal data, in words an operator can act on (never a value).
package enum PrivacyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The keys file cannot be opened, read or written.
    case keysUnavailable(path: String, reason: String)
    /// A stored field's ciphertext does not open with its subject's key: the keys file is not the one that
    /// belongs with this database, or the data was changed.
    case sealedFieldUnreadable(subject: String, type: String)
    /// An event's data already holds an encrypted field's marker where personal data is to be written.
    case markerInData(type: String)
    /// The subject was erased (or given a key elsewhere) while its data was being written: the write is undone.
    case subjectErasedMeanwhile(subject: String)
    /// The keys file is not the one that belongs with the database (its id differs from the one recorded).
    case keysDoNotBelong(keys: String, database: String)
    /// An event's data is not JSON.
    case notJSON(type: String)

    package var description: String {
        switch self {
        case .keysUnavailable(let path, let reason):
            "The keys file \(path) cannot be used: \(reason). Personal data cannot be read or written without it."
        case .sealedFieldUnreadable(let subject, let type):
            "A \(type) event's personal field for \(subject) does not open with its key: the keys file does not belong with this database, or the data was changed."
        case .markerInData(let type):
            "A \(type) event's data holds the member name $encrypted, which only cdop may write."
        case .subjectErasedMeanwhile(let subject):
            "\(subject) was erased while their data was being written; nothing was written. Try again."
        case .keysDoNotBelong(let keys, let database):
            "The keys file \(keys) does not belong with the database \(database): use the keys file that was made or backed up with it (CDOP_KEYS_DB)."
        case .notJSON(let type): "A \(type) event's data is not JSON."
        }
    }
}
