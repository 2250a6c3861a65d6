import Foundation

/// An event as the store holds it: the appended event plus where and when it was committed.
package struct RecordedEvent: Sendable, Equatable {
    /// Global position: gap-free, in commit order, starting at 1.
    package var position: Int64
    package var eventID: UUID
    package var streamID: String
    /// Position within its stream, starting at 1; the stream's version after this event.
    package var streamVersion: Int64
    package var type: String
    package var schemaVersion: Int
    package var data: Data
    package var metadata: Data
    package var recordedAt: Date

    package init(
        position: Int64, eventID: UUID, streamID: String, streamVersion: Int64, type: String,
        schemaVersion: Int, data: Data, metadata: Data, recordedAt: Date
    ) {
        self.position = position
        self.eventID = eventID
        self.streamID = streamID
        self.streamVersion = streamVersion
        self.type = type
        self.schemaVersion = schemaVersion
        self.data = data
        self.metadata = metadata
        self.recordedAt = recordedAt
    }
}
