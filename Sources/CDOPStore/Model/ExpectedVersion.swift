/// What the writer believes about a stream before appending to it (optimistic concurrency).
///
/// Versions count events: a stream with three events is at version 3; a stream that does not exist is at 0.
package enum ExpectedVersion: Sendable, Equatable, CustomStringConvertible {
    /// Append whatever the stream's state.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream must already hold at least one event.
    case streamExists
    /// The stream must be exactly at this version.
    case exact(Int64)

    /// Whether a stream currently at `actual` satisfies this expectation.
    package func isSatisfied(by actual: Int64) -> Bool {
        switch self {
        case .any: true
        case .noStream: actual == 0
        case .streamExists: actual > 0
        case .exact(let version): actual == version
        }
    }

    package var description: String {
        switch self {
        case .any: "any version"
        case .noStream: "no stream"
        case .streamExists: "an existing stream"
        case .exact(let version): "version \(version)"
        }
    }
}
