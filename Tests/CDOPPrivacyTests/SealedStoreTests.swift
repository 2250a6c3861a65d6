import CDOPPrivacy
import CDOPStore
import CDOPTesting
import Foundation
import GRDB
import Testing

/// An event store that seals personal fields: the engine above it sees the data as given, the files hold none of
/// it in the clear, and an erased subject's fields read as erased.
@Suite("An event store sealing personal fields")
struct SealedStoreTests {
    let folder = TemporaryDirectory("cdop-sealed-store")

    func store() throws -> EventStore {
        var options = EventStoreOptions()
        options.protection = FieldEncryption(
            catalogue: FieldEncryptionTests.catalogue, keyring: try SubjectKeyring(path: folder.path("keys.sqlite")))
        return try EventStore(path: folder.path("events.sqlite"), options: options)
    }

    @Test("Events read back as appended, a retried append is recognised, and no file holds a personal value")
    func eventsReadBackAsAppendedAndNoFileHoldsAPersonalValue() throws {
        let store = try store()
        let event = NewEvent(eventID: UUID(), type: FieldEncryptionTests.type, data: FieldEncryptionTests.data)
        let first = try store.append(
            to: FieldEncryptionTests.stream, expected: .noStream, events: [event], recordedAt: Date())
        let again = try store.append(
            to: FieldEncryptionTests.stream, expected: .noStream, events: [event], recordedAt: Date())
        #expect(again.wasAlreadyStored && again.firstPosition == first.firstPosition)
        #expect(try store.readStream(FieldEncryptionTests.stream).map(\.data) == [FieldEncryptionTests.data])
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.url.path) {
            let contents = try Data(contentsOf: folder.url.appendingPathComponent(file))
            for value in ["Testchild", "Sam Notifier", "Dr Jo Example", "2025-12-20"] {
                #expect(contents.range(of: Data(value.utf8)) == nil, "\(file) holds \(value)")
            }
        }
    }

    @Test("An erased subject's fields read as erased, everyone else's as written")
    func anErasedSubjectsFieldsReadAsErased() throws {
        let store = try store()
        let event = NewEvent(eventID: UUID(), type: FieldEncryptionTests.type, data: FieldEncryptionTests.data)
        try store.append(to: FieldEncryptionTests.stream, expected: .noStream, events: [event], recordedAt: Date())
        let keyring = try SubjectKeyring(path: folder.path("keys.sqlite"))
        try keyring.erase(FieldEncryptionTests.stream + "/professional-2", now: Date())
        Thread.sleep(forTimeInterval: 1.1)
        let read = String(decoding: try store.readStream(FieldEncryptionTests.stream)[0].data, as: UTF8.self)
        #expect(!read.contains("Nurse Kim Sample") && read.contains("Dr Jo Example") && read.contains("Testchild"))
    }
}
