/// Where an append landed. An idempotent replay returns the positions of the original append.
package struct AppendResult: Sendable, Equatable {
    package var streamID: String
    /// Global positions of the first and last event of this stream's share (equal for one event).
    package var firstPosition: Int64
    package var lastPosition: Int64
    /// The stream's version after its last appended event.
    package var streamVersion: Int64
    /// True when every event was already stored with the same content, so nothing new was written.
    package var wasAlreadyStored: Bool

    package init(
        streamID: String, firstPosition: Int64, lastPosition: Int64, streamVersion: Int64, wasAlreadyStored: Bool
    ) {
        self.streamID = streamID
        self.firstPosition = firstPosition
        self.lastPosition = lastPosition
        self.streamVersion = streamVersion
        self.wasAlreadyStored = wasAlreadyStored
    }
}
