import CDOPDomain
import CDOPStore

/// Why a command did not happen, in words a coordinator understands, with a stable code for the API and tests.
package enum CommandError: Error, Equatable, CustomStringConvertible {
    /// The rules refused it (the domain's own code and message).
    case rejected(DomainError)
    /// The thing named does not exist.
    case notFound(kind: String, reference: String)
    /// A reference matched more than one thing.
    case ambiguous(kind: String, reference: String, matches: Int)
    /// Someone else kept changing the same record; the command was tried several times and gave up.
    case keptConflicting(stream: String, attempts: Int)
    /// A stored event could not be read by this version of cdop.
    case unreadableEvent(EventCodecError)
    /// The database failed.
    case store(EventStoreError)

    package var code: String {
        switch self {
        case .rejected(let error): error.code
        case .notFound: "command.notFound"
        case .ambiguous: "command.ambiguous"
        case .keptConflicting: "command.conflict"
        case .unreadableEvent(let error): error.code
        case .store: "store.failure"
        }
    }

    package var description: String {
        switch self {
        case .rejected(let error): error.description
        case .notFound(let kind, let reference): "There is no \(kind) \(reference)."
        case .ambiguous(let kind, let reference, let matches):
            "\(matches) \(kind)s match \(reference); give more of the reference."
        case .keptConflicting(let stream, let attempts):
            "\(stream) kept changing while this was being saved (\(attempts) attempts). Try again."
        case .unreadableEvent(let error): error.description
        case .store(let error): error.description
        }
    }
}
