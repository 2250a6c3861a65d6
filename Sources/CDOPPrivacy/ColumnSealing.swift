import Crypto
import Foundation
import Synchronization

/// The read models' personal columns (a child's name and date of birth, a form's contact email), sealed as the
/// events' fields are, so that the database file holds no personal value in the clear; and the tokens a search or
/// a duplicate check compares in place of a name, an NHS number or a duplicate key.
///
/// A read model is written again at every event of its case and compared byte for byte with a rebuild's, so a
/// column is sealed deterministically: the nonce is derived from the value under a key derived from the
/// subject's (a synthetic IV), and the same value sealed twice gives the same bytes. All that reveals is that
/// a subject's column holds the same value as before. A value is written as `sealed:SUBJECT:BOX`, the subject
/// naming the key that opens it; once that key is erased it reads as `erased`.
///
/// A token is a keyed hash (HMAC-SHA-256, cut to 72 bits) under the panel's search index key: equal terms give
/// equal tokens, and without the keys file no token can be tried against a guess.
extension FieldEncryption {
    static let sealedColumnPrefix = "sealed:"
    /// What an erased subject's sealed column reads as.
    package static let erasedColumn = "erased"

    /// `text` sealed under `subject`'s key; as given when the subject has no key (erased: the text is already
    /// its erased value, or never sealed: the events hold it in the clear too). A case's row is written again at
    /// each of its events with the same values, so what was sealed is remembered (`ColumnMemo`).
    package func sealColumn(_ text: String, subject: String) throws -> String {
        guard let key = try keyring.key(for: subject) else { return text }
        return try columnMemo.value(for: "s\n" + subject + "\n" + text, keys: keyring.generation) {
            let plaintext = Data(text.utf8)
            // The nonce: a keyed hash of the value, domain-separated from anything else the key is used for.
            var nonceHash = HMAC<SHA256>(key: key)
            nonceHash.update(data: Self.nonceDomain)
            nonceHash.update(data: plaintext)
            let nonce = try AES.GCM.Nonce(data: Data(nonceHash.finalize()).prefix(12))
            guard
                let box = try AES.GCM.seal(plaintext, using: key, nonce: nonce, authenticating: Data(subject.utf8))
                    .combined
            else { throw PrivacyError.keysUnavailable(path: keyring.path, reason: "AES-GCM refused to seal") }
            return Self.sealedColumnPrefix + subject + ":" + box.base64EncodedString()
        }
    }

    private static let nonceDomain = Data("cdop read-model nonce\n".utf8)

    /// The value a column holds: opened when sealed (`erased` once its subject's key is gone), else as stored.
    package func openColumn(_ stored: String) throws -> String {
        guard stored.hasPrefix(Self.sealedColumnPrefix),
            let colon = stored.lastIndex(of: ":"),
            case let subject = String(stored[stored.index(stored.startIndex, offsetBy: 7)..<colon]),
            let combined = Data(base64Encoded: String(stored[stored.index(after: colon)...]))
        else { return stored }
        guard let key = try keyring.key(for: subject) else { return Self.erasedColumn }
        do {
            let box = try AES.GCM.SealedBox(combined: combined)
            return String(
                decoding: try AES.GCM.open(box, using: key, authenticating: Data(subject.utf8)), as: UTF8.self)
        } catch {
            throw PrivacyError.sealedFieldUnreadable(subject: subject, type: "read model")
        }
    }

    /// The search token of `term`: 72 bits, twelve base64 characters.
    package func searchToken(_ term: String) -> String {
        var output: [UInt8] = []
        appendToken(term, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The tokens of space-separated `terms`, space-separated (a child's names' terms, the same at each event).
    package func searchTokens(_ terms: String) -> String {
        columnMemo.value(for: "T\n" + terms, keys: keyring.generation) {
            var output: [UInt8] = []
            output.reserveCapacity(terms.utf8.count * 3)
            for term in terms.split(separator: " ") {
                if !output.isEmpty { output.append(UInt8(ascii: " ")) }
                appendToken(term, to: &output)
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    private func appendToken<Term: StringProtocol>(_ term: Term, to output: inout [UInt8]) {
        var hash = keyring.searchIndexHash
        var text = String(term)
        text.withUTF8 { hash.update(data: UnsafeRawBufferPointer($0)) }
        hash.finalize().withUnsafeBytes { code in
            Self.appendBase64(UnsafeRawBufferPointer(rebasing: code.prefix(9)), to: &output)
        }
    }

    /// Forgets what was remembered of sealing (an erasure: no value of the erased may stay in memory).
    package func forgetSealedColumns() { columnMemo.removeAll() }
}

/// What the read models' columns were sealed and tokenised as lately, by what was given: the same case row is
/// written at each of its events, and sealing it afresh each time halved a historic import's pace. Bounded:
/// emptied when full, and whenever the keyring finds its keys changed by another process (an erasure there:
/// no value of the erased may stay in memory here either).
final class ColumnMemo: Sendable {
    private static let capacity = 50_000
    private let entries = Mutex<(keys: Int, values: [String: String])>((0, [:]))

    /// What was made for `key` while the keyring's keys were at generation `keys`, or made now.
    func value(for key: String, keys: Int, orMake make: () throws -> String) rethrows -> String {
        let known = entries.withLock { entries -> String? in
            if entries.keys != keys { entries = (keys, [:]) }
            return entries.values[key]
        }
        if let known { return known }
        let made = try make()
        entries.withLock { entries in
            guard entries.keys == keys else { return }
            if entries.values.count >= Self.capacity { entries.values.removeAll(keepingCapacity: true) }
            entries.values[key] = made
        }
        return made
    }

    func removeAll() { entries.withLock { $0.values.removeAll() } }
}
