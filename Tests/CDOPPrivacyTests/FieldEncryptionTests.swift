import CDOPPrivacy
import CDOPTesting
import Foundation
import GRDB
import Testing

/// Personal fields sealed under their subjects' keys as events are written, opened as they are read, and read
/// as their erased values once a subject's key is deleted.
@Suite("Personal fields sealed per data subject")
struct FieldEncryptionTests {
    static let type = "case.notificationReceived.v1"
    static let stream = "case-00000000-0000-4000-8000-000000000001"
    static let catalogue = PersonalFieldCatalogue([
        type: [
            PersonalField(
                "notification.child.name", role: "child", erased: .json(#"{"forenames":"erased","surname":"erased"}"#)),
            PersonalField(
                "notification.child.dateOfBirth", role: "child",
                erased: .computed { _, document in
                    "\"" + (document.string(at: ["notification", "death", "date"]) ?? "") + "\""
                }),
            PersonalField("notification.notifier.name", role: "notifier", erased: .json(#""erased""#)),
            PersonalField("notification.professionals.*.name", role: "professional", erased: .json(#""erased""#)),
        ]
    ])
    static let data = Data(
        #"{"notification":{"child":{"dateOfBirth":"2025-12-20","name":{"forenames":"Alex","surname":"Testchild"},"sex":"male"},"death":{"date":"2026-05-03"},"notifier":{"name":"Sam Notifier","role":"Paramedic"},"professionals":[{"name":"Dr Jo Example","role":"GP"},{"name":"Nurse Kim Sample","role":"Health visitor"}]}}"#
            .utf8)

    let folder = TemporaryDirectory("cdop-privacy")

    func encryption() throws -> FieldEncryption {
        FieldEncryption(catalogue: Self.catalogue, keyring: try SubjectKeyring(path: folder.path("keys.sqlite")))
    }

    @Test("A sealed event holds none of its personal values, and opens to the very bytes given")
    func aSealedEventHoldsNoneOfItsPersonalValues() throws {
        let encryption = try encryption()
        let eventID = UUID()
        let sealed = try encryption.sealCommitted(
            Self.data, type: Self.type, streamID: Self.stream, eventID: eventID, now: Date())
        let text = String(decoding: sealed, as: UTF8.self)
        for value in ["Alex", "Testchild", "2025-12-20", "Sam Notifier", "Dr Jo Example", "Nurse Kim Sample"] {
            #expect(!text.contains(value), "\(value) is sealed")
        }
        #expect(text.contains("Paramedic") && text.contains("\"sex\":\"male\""), "what is not personal stays readable")
        #expect(try encryption.open(sealed, type: Self.type, eventID: eventID) == Self.data)
        #expect(
            try encryption.keyring.subjects() == [
                Self.stream + "/child", Self.stream + "/notifier", Self.stream + "/professional-1",
                Self.stream + "/professional-2",
            ])
    }

    @Test("Erasing a subject leaves its fields as their erased values and everyone else's readable")
    func erasingASubjectLeavesItsFieldsErased() throws {
        let encryption = try encryption()
        let eventID = UUID()
        let sealed = try encryption.sealCommitted(
            Self.data, type: Self.type, streamID: Self.stream, eventID: eventID, now: Date())
        #expect(try encryption.keyring.erase(Self.stream + "/child", now: Date()))
        #expect(try !encryption.keyring.erase(Self.stream + "/child", now: Date()), "already erased")
        let opened = String(decoding: try encryption.open(sealed, type: Self.type, eventID: eventID), as: UTF8.self)
        #expect(opened.contains(#""name":{"forenames":"erased","surname":"erased"}"#))
        #expect(opened.contains(#""dateOfBirth":"2026-05-03""#), "the erased value worked out when it was sealed")
        #expect(opened.contains("Sam Notifier") && opened.contains("Dr Jo Example"))

        let later = try encryption.sealCommitted(
            Self.data, type: Self.type, streamID: Self.stream, eventID: UUID(), now: Date())
        #expect(
            !String(decoding: later, as: UTF8.self).contains("Alex"), "an erased subject's data is never written again")
        #expect(try !encryption.keyring.subjects().contains(Self.stream + "/child"), "no key is made again")
    }

    @Test(
        "A new stream's first event makes its keys without asking the file: an orphan key of an attempt that never committed is replaced, and an erased person is never sealed"
    )
    func aNewStreamsKeysReplaceOrphansAndRespectTombstones() throws {
        let encryption = try encryption()
        // An attempt whose keys were written but whose events rolled back leaves orphan keys.
        _ = try encryption.seal(Self.data, type: Self.type, streamID: Self.stream, eventID: UUID(), now: Date())
        try encryption.willCommit()
        encryption.didRollback()
        let orphans = try encryption.keyring.subjects()
        #expect(orphans.contains(Self.stream + "/child"))

        // A second process (its own keyring) seals the stream's first event again.
        let again = try self.encryption()
        let eventID = UUID()
        let sealed = try again.seal(
            Self.data, type: Self.type, streamID: Self.stream, eventID: eventID, now: Date(), streamIsNew: true)
        try again.willCommit()
        #expect(try again.open(sealed, type: Self.type, eventID: eventID) == Self.data)
        #expect(try self.encryption().open(sealed, type: Self.type, eventID: eventID) == Self.data, "the file holds it")

        // A tombstone is still honoured: the transaction fails, and its retry writes the erased values.
        let other = "case-00000000-0000-4000-8000-000000000002"
        try again.keyring.erase(other + "/child", now: Date())
        let fresh = try self.encryption()
        _ = try fresh.seal(Self.data, type: Self.type, streamID: other, eventID: UUID(), now: Date(), streamIsNew: true)
        #expect(throws: PrivacyError.self) { try fresh.willCommit() }
        fresh.didRollback()
        let retried = try fresh.seal(
            Self.data, type: Self.type, streamID: other, eventID: UUID(), now: Date(), streamIsNew: true)
        try fresh.willCommit()
        let text = String(decoding: retried, as: UTF8.self)
        #expect(text.contains(#""name":{"forenames":"erased","surname":"erased"}"#), "\(text)")
        #expect(!text.contains("Testchild"))
    }

    @Test("The erased key's bytes are in no page of the keys file")
    func theErasedKeysBytesAreInNoPageOfTheKeysFile() throws {
        let encryption = try encryption()
        _ = try encryption.sealCommitted(
            Self.data, type: Self.type, streamID: Self.stream, eventID: UUID(), now: Date())
        let path = folder.path("keys.sqlite")
        let key = try DatabaseQueue(path: path).read { db in
            try Data.fetchOne(
                db, sql: "SELECT key FROM subject_keys WHERE subject = ?", arguments: [Self.stream + "/child"])
        }
        let bytes = try #require(key)
        let files = { try FileManager.default.contentsOfDirectory(atPath: self.folder.url.path) }
        #expect(
            try files().contains {
                try Data(contentsOf: self.folder.url.appendingPathComponent($0)).range(of: bytes) != nil
            }, "the key is in the keys file or its log")
        try encryption.keyring.erase(Self.stream + "/child", now: Date())
        #expect(try encryption.keyring.emptyLog())
        for file in try files() {
            let contents = try Data(contentsOf: folder.url.appendingPathComponent(file))
            #expect(contents.range(of: bytes) == nil, "\(file) holds the erased key")
        }
    }

    @Test("A sealed field moved to another event does not open, and a foreign keys file is named as the cause")
    func aSealedFieldMovedToAnotherEventDoesNotOpen() throws {
        let encryption = try encryption()
        let sealed = try encryption.sealCommitted(
            Self.data, type: Self.type, streamID: Self.stream, eventID: UUID(), now: Date())
        #expect(throws: PrivacyError.sealedFieldUnreadable(subject: Self.stream + "/child", type: Self.type)) {
            try encryption.open(sealed, type: Self.type, eventID: UUID())
        }
    }

    @Test("Data already holding the marker is refused, and other types pass unchanged")
    func dataHoldingTheMarkerIsRefused() throws {
        let encryption = try encryption()
        let forged = Data(#"{"notification":{"child":{"name":{"$encrypted":{}}}}}"#.utf8)
        #expect(throws: PrivacyError.markerInData(type: Self.type)) {
            try encryption.sealCommitted(forged, type: Self.type, streamID: Self.stream, eventID: UUID(), now: Date())
        }
        let other = Data(#"{"name":"Alex"}"#.utf8)
        #expect(
            try encryption.sealCommitted(
                other, type: "case.closed.v1", streamID: Self.stream, eventID: UUID(), now: Date())
                == other)
    }

    @Test("Keys made for a transaction that rolls back are never written")
    func keysForARolledBackTransactionAreNeverWritten() throws {
        let encryption = try encryption()
        _ = try encryption.seal(Self.data, type: Self.type, streamID: Self.stream, eventID: UUID(), now: Date())
        #expect(encryption.keyring.hasPending)
        encryption.didRollback()
        #expect(try encryption.keyring.subjects().isEmpty)
    }

    @Test("A key another process made first for the same subject stops the write")
    func aKeyMadeElsewhereFirstStopsTheWrite() throws {
        let encryption = try encryption()
        _ = try encryption.seal(Self.data, type: Self.type, streamID: Self.stream, eventID: UUID(), now: Date())
        let elsewhere = FieldEncryption(
            catalogue: Self.catalogue, keyring: try SubjectKeyring(path: folder.path("keys.sqlite")))
        _ = try elsewhere.sealCommitted(Self.data, type: Self.type, streamID: Self.stream, eventID: UUID(), now: Date())
        #expect(throws: PrivacyError.self) { try encryption.willCommit() }
        #expect(!encryption.keyring.hasPending)
    }

    @Test("An erasure made through another keys connection is seen within a second")
    func anErasureThroughAnotherConnectionIsSeen() throws {
        let encryption = try encryption()
        let eventID = UUID()
        let sealed = try encryption.sealCommitted(
            Self.data, type: Self.type, streamID: Self.stream, eventID: eventID, now: Date())
        #expect(
            String(decoding: try encryption.open(sealed, type: Self.type, eventID: eventID), as: UTF8.self).contains(
                "Sam Notifier"))
        let elsewhere = try SubjectKeyring(path: folder.path("keys.sqlite"))
        try elsewhere.erase(Self.stream + "/notifier", now: Date())
        Thread.sleep(forTimeInterval: 1.1)
        let opened = String(decoding: try encryption.open(sealed, type: Self.type, eventID: eventID), as: UTF8.self)
        #expect(!opened.contains("Sam Notifier") && opened.contains("Dr Jo Example"))
    }
}

extension FieldEncryption {
    /// Seals as the store does, with the events' transaction committing: the keys made are written.
    func sealCommitted(_ data: Data, type: String, streamID: String, eventID: UUID, now: Date) throws -> Data {
        let sealed = try seal(data, type: type, streamID: streamID, eventID: eventID, now: now)
        try willCommit()
        return sealed
    }
}
