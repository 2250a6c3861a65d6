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
