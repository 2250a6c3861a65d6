/// One stream's share of an append: the events and what the writer expects of the stream.
package struct StreamAppend: Sendable, Equatable {
    package var streamID: String
    package var expected: ExpectedVersion
    package var events: [NewEvent]

    package init(streamID: String, expected: ExpectedVersion, events: [NewEvent]) {
        self.streamID = streamID
        self.expected = expected
        self.events = events
    }
}

extension StreamAppend {
    /// Refuses an append no engine may store: a stream id empty or over 200 bytes, a share with no event, an
    /// event without a type or with a schema version below 1.
    package static func validate(_ appends: [StreamAppend]) throws(EventStoreError) {
        for share in appends {
            guard !share.streamID.isEmpty, share.streamID.utf8.count <= 200 else {
                throw .invalidStreamID(share.streamID)
            }
            guard !share.events.isEmpty else { throw .emptyAppend(stream: share.streamID) }
            for event in share.events where event.type.isEmpty || event.schemaVersion < 1 {
                throw .invalidEventType(eventID: event.eventID)
            }
        }
    }
}
