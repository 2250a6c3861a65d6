import CDOPPrivacy
import CDOPTesting
import Foundation
import Testing

/// The read models' personal columns sealed deterministically under their subjects' keys, opened as read, read
/// as `erased` once the key is gone; and search tokens that match equal terms only under the same keys file.
@Suite("Read-model columns sealed, and search tokens")
struct ColumnSealingTests {
    let folder = TemporaryDirectory("cdop-columns")
    static let subject = FieldEncryptionTests.stream + "/child"

    /// An encryption whose keyring holds a key for the child of `FieldEncryptionTests`' event.
    func encryption(_ name: String = "keys.sqlite") throws -> FieldEncryption {
        let encryption = FieldEncryption(
            catalogue: FieldEncryptionTests.catalogue, keyring: try SubjectKeyring(path: folder.path(name)))
        _ = try encryption.sealCommitted(
            FieldEncryptionTests.data, type: FieldEncryptionTests.type, streamID: FieldEncryptionTests.stream,
            eventID: UUID(), now: Date())
        return encryption
    }

    @Test("A column is sealed the same way each time, holds nothing of the value, and opens to it")
    func aColumnIsSealedTheSameWayEachTime() throws {
        let encryption = try encryption()
        let sealed = try encryption.sealColumn("Alex Testchild", subject: Self.subject)
        #expect(sealed.hasPrefix("sealed:" + Self.subject + ":") && !sealed.contains("Testchild"))
        #expect(
            try encryption.sealColumn("Alex Testchild", subject: Self.subject) == sealed, "a rebuild compares equal")
        #expect(try encryption.sealColumn("Alex Testchilde", subject: Self.subject) != sealed)
        #expect(try encryption.openColumn(sealed) == "Alex Testchild")
        #expect(try encryption.openColumn("as written") == "as written", "a column never sealed reads as stored")
    }

    @Test("Once the subject's key is erased a sealed column reads as erased, and a new value is not sealed")
    func anErasedSubjectsColumnReadsAsErased() throws {
        let encryption = try encryption()
        let sealed = try encryption.sealColumn("2025-12-20", subject: Self.subject)
        #expect(try encryption.keyring.erase(Self.subject, now: Date()))
        encryption.forgetSealedColumns()
        #expect(try encryption.openColumn(sealed) == FieldEncryption.erasedColumn)
        #expect(try encryption.sealColumn("erased", subject: Self.subject) == "erased")
    }

    @Test("A column changed in the file does not open")
    func aChangedColumnDoesNotOpen() throws {
        let encryption = try encryption()
        var sealed = try encryption.sealColumn("Alex Testchild", subject: Self.subject)
        sealed.removeLast(4)
        sealed += "AAA="
        #expect(throws: PrivacyError.self) { try encryption.openColumn(sealed) }
    }

    @Test("Equal terms give equal tokens under one keys file and different tokens under another")
    func tokensAreKeyedByTheKeysFile() throws {
        let one = try encryption()
        let other = try encryption("other-keys.sqlite")
        #expect(one.searchToken("testchild") == one.searchToken("testchild"))
        #expect(one.searchToken("testchild") != one.searchToken("testchilde"))
        #expect(one.searchToken("testchild") != other.searchToken("testchild"))
        #expect(one.searchToken("testchild").count == 12)
        #expect(one.searchTokens("a al ale") == ["a", "al", "ale"].map(one.searchToken).joined(separator: " "))
        let reopened = FieldEncryption(
            catalogue: FieldEncryptionTests.catalogue, keyring: try SubjectKeyring(path: folder.path("keys.sqlite")))
        #expect(reopened.searchToken("testchild") == one.searchToken("testchild"), "the key is kept in the keys file")
    }
}
