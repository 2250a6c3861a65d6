import Foundation

/// A step between an event's data as the engine gives it and the bytes the store keeps: the privacy module seals
/// personal fields as events are written and opens them as they are read, before any upcaster, so that nothing
/// above the store sees the difference.
package protocol StoredDataProtection: Sendable {
    /// The bytes to store for `data`.
    func seal(_ data: Data, type: String, streamID: String, eventID: UUID, now: Date) throws -> Data
    /// The data the stored bytes stand for.
    func open(_ data: Data, type: String, eventID: UUID) throws -> Data
}
