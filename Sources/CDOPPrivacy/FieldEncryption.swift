import CDOPJSON
import CDOPStore
import Crypto
import Foundation

/// Seals an event's personal fields under their subjects' keys as it is written, and opens them as it is read:
/// the rest of the engine sees the data as it was given. A sealed field is written in place of the value as
/// `{"$encrypted":{"erased":…,"sealed":"…","subject":"…"}}`: the AES-GCM box (nonce, ciphertext and tag, in
/// base64) of the value's JSON, bound to the subject and the event's id; the value read once the subject is
/// erased; and the subject, so a field is opened by what is stored even if the catalogue changes later.
package struct FieldEncryption: Sendable {
    package let catalogue: PersonalFieldCatalogue
    package let keyring: SubjectKeyring
    let columnMemo = ColumnMemo()

    static let marker = "$encrypted"
    private static let quotedMarker = Array("\"$encrypted\"".utf8)

    /// Whether `data` holds the quoted marker anywhere. Every event read and written asks, so it looks for the
    /// rare `$` with `memchr` and compares only there (`Data.range(of:)` steps through an index byte by byte).
    package static func holdsMarker(_ data: Data) -> Bool {
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, buffer.count >= quotedMarker.count else { return false }
            let bytes = base.assumingMemoryBound(to: UInt8.self)
            var offset = 1
            while offset <= buffer.count - (quotedMarker.count - 1) {
                guard let found = memchr(bytes + offset, 0x24, buffer.count - offset) else { return false }
                let dollar = bytes.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if dollar - 1 + quotedMarker.count <= buffer.count,
                    memcmp(bytes + dollar - 1, quotedMarker, quotedMarker.count) == 0
                {
                    return true
                }
                offset = dollar + 1
            }
            return false
        }
    }

    package init(catalogue: PersonalFieldCatalogue, keyring: SubjectKeyring) {
        self.catalogue = catalogue
        self.keyring = keyring
    }

    /// `data` with each personal field of `type` sealed; a field whose subject has been erased is written as its
    /// erased value, never in the clear. `streamIsNew`: the event is among its stream's first, written holding
    /// the events' write lock, so its people's keys are made without asking the keys file (`SubjectKeyring`).
    package func seal(
        _ data: Data, type: String, streamID: String, eventID: UUID, now: Date, streamIsNew: Bool = false
    ) throws(PrivacyError) -> Data {
        try rewrite(
            data, type: type, streamID: streamID, eventID: eventID, now: now, sealing: true, streamIsNew: streamIsNew)
    }

    /// `data` as it reads once sealed: each personal field of an erased subject is its erased value, the others
    /// are as given (what a copy of data written before sealing began must read as).
    package func erasingErased(_ data: Data, type: String, streamID: String, eventID: UUID) throws(PrivacyError)
        -> Data
    {
        try rewrite(data, type: type, streamID: streamID, eventID: eventID, now: Date(), sealing: false)
    }

    /// `data` with each personal field of `type` sealed (`sealing`) or left as it is, and written as its erased
    /// value where its subject has been erased.
    private func rewrite(
        _ data: Data, type: String, streamID: String, eventID: UUID, now: Date, sealing: Bool,
        streamIsNew: Bool = false
    ) throws(PrivacyError) -> Data {
        guard !catalogue.fields(of: type).isEmpty else { return data }
        guard !Self.holdsMarker(data) else { throw .markerInData(type: type) }
        let bytes = [UInt8](data)
        let found = try locate(bytes, type: type, streamID: streamID)
        guard !found.isEmpty else { return data }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2 + 256)
        var copied = 0
        if !streamIsNew { try keyring.prefetch(Set(found.map(\.subject))) }
        // Outermost first: a field inside one already sealed is sealed with it.
        for item in found.sorted(by: { ($0.range.lowerBound, -$0.range.count) < ($1.range.lowerBound, -$1.range.count) }
        )
        where item.range.lowerBound >= copied {
            output.append(contentsOf: bytes[copied..<item.range.lowerBound])
            if !sealing {
                if try keyring.isErased(item.subject) {
                    output.append(contentsOf: item.erased.utf8)
                } else {
                    output.append(contentsOf: bytes[item.range])
                }
                copied = item.range.upperBound
                continue
            }
            guard let key = try keyring.keyMakingIfNeeded(for: item.subject, now: now, ofNewStream: streamIsNew) else {
                output.append(contentsOf: item.erased.utf8)
                copied = item.range.upperBound
                continue
            }
            let sealed: Data
            do {
                sealed = try AES.GCM.seal(
                    bytes[item.range], using: key, authenticating: Self.binding(item.subject, eventID)
                ).combined!
            } catch {
                throw .keysUnavailable(path: keyring.path, reason: "AES-GCM refused to seal")
            }
            output.append(contentsOf: #"{"$encrypted":{"erased":"#.utf8)
            output.append(contentsOf: item.erased.utf8)
            output.append(contentsOf: #","sealed":""#.utf8)
            Self.appendBase64(sealed, to: &output)
            output.append(contentsOf: #"","subject":"#.utf8)
            Self.appendQuoted(item.subject, to: &output)
            output.append(contentsOf: "}}".utf8)
            copied = item.range.upperBound
        }
        output.append(contentsOf: bytes[copied...])
        return Data(output)
    }

    /// One personal value found in an event's data: whose, where (`notification.parentsAndCarers.1.name`) and the
    /// value's JSON.
    package struct PersonalValue: Sendable, Equatable {
        package var subject: String
        package var field: String
        package var json: String
    }

    /// The personal values of `type`'s catalogued fields in `data` (opened data: a sealed field is found as its
    /// envelope).
    package func personalValues(in data: Data, type: String, streamID: String) throws(PrivacyError) -> [PersonalValue] {
        guard !catalogue.fields(of: type).isEmpty else { return [] }
        let bytes = [UInt8](data)
        return try locate(bytes, type: type, streamID: streamID).map { found in
            let path = found.field.pathText.replacingOccurrences(
                of: "*", with: found.position.map { String($0 + 1) } ?? "*")
            return PersonalValue(
                subject: found.subject, field: path, json: String(decoding: bytes[found.range], as: UTF8.self))
        }
    }

    /// Where each catalogued personal field of `type` is in `bytes`: its range, subject, field (with the position
    /// in its last array) and erased value.
    private func locate(_ bytes: [UInt8], type: String, streamID: String) throws(PrivacyError)
        -> [(range: Range<Int>, subject: String, field: PersonalField, position: Int?, erased: String)]
    {
        let fields = catalogue.fields(of: type)
        do {
            return try bytes.withUnsafeBufferPointer { buffer in
                try JSONTape.withTape(scanning: buffer, instants: NoInstants.self) { tape in
                    let document = PersonalFieldDocument(tape: tape)
                    var found:
                        [(range: Range<Int>, subject: String, field: PersonalField, position: Int?, erased: String)] =
                            []
                    for field in fields {
                        for (node, position) in Self.nodes(at: field.path[...], from: 0, position: nil, in: tape) {
                            let range = tape.valueRange(node)
                            let role = field.role(in: document)
                            let number = position.map { "-\($0 + 1)" } ?? ""
                            let erased: String
                            switch field.erased {
                            case .json(let json): erased = json
                            case .computed(let make): erased = make(Array(bytes[range]), document)
                            }
                            found.append((range, "\(streamID)/\(role)\(number)", field, position, erased))
                        }
                    }
                    return found
                }
            }
        } catch {
            throw .notJSON(type: type)
        }
    }

    /// `data` with each sealed field opened, or its erased value where its subject's key has been erased.
    package func open(_ data: Data, type: String, eventID: UUID) throws(PrivacyError) -> Data {
        guard Self.holdsMarker(data) else { return data }
        let bytes = [UInt8](data)
        let envelopes: [(range: Range<Int>, erased: Range<Int>, sealed: String, subject: String)]
        do {
            envelopes = try bytes.withUnsafeBufferPointer { buffer in
                try JSONTape.withTape(scanning: buffer, instants: NoInstants.self) { tape in
                    var envelopes: [(range: Range<Int>, erased: Range<Int>, sealed: String, subject: String)] = []
                    var node = 0
                    while node < tape.nodeCount {
                        if tape[node].kind == .object, tape[node].count == 1,
                            tape.plainString(node + 1) == Self.marker,
                            let inner = JSONObjectReader(tape, node: node + 2),
                            let erased = inner.member("erased"), let sealed = inner.string("sealed"),
                            let subject = inner.string("subject")
                        {
                            envelopes.append((tape.valueRange(node), tape.valueRange(erased), sealed, subject))
                            node = tape[node].next
                        } else {
                            node += 1
                        }
                    }
                    return envelopes
                }
            }
        } catch {
            throw .notJSON(type: type)
        }
        guard !envelopes.isEmpty else { return data }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        for envelope in envelopes {
            output.append(contentsOf: bytes[copied..<envelope.range.lowerBound])
            if let key = try keyring.key(for: envelope.subject) {
                do {
                    guard let combined = Data(base64Encoded: envelope.sealed) else {
                        throw CryptoKitError.incorrectParameterSize
                    }
                    let box = try AES.GCM.SealedBox(combined: combined)
                    output.append(
                        contentsOf: try AES.GCM.open(
                            box, using: key, authenticating: Self.binding(envelope.subject, eventID)))
                } catch {
                    throw .sealedFieldUnreadable(subject: envelope.subject, type: type)
                }
            } else {
                output.append(contentsOf: bytes[envelope.erased])
            }
            copied = envelope.range.upperBound
        }
        output.append(contentsOf: bytes[copied...])
        return Data(output)
    }

    /// What a sealed field is bound to: its subject and its event (a box moved to another field or event does
    /// not open).
    static func binding(_ subject: String, _ eventID: UUID) -> Data {
        var bytes = [UInt8]()
        bytes.reserveCapacity(subject.utf8.count + 37)
        bytes.append(contentsOf: subject.utf8)
        bytes.append(UInt8(ascii: "\n"))
        // The id in lower-case hex, dashed as `uuidString` is, written without making strings.
        let hex = Array("0123456789abcdef".utf8)
        withUnsafeBytes(of: eventID.uuid) { id in
            for (index, byte) in id.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { bytes.append(UInt8(ascii: "-")) }
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return Data(bytes)
    }

    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// `data` in standard base64 with padding (as `base64EncodedString()` writes it), appended to `output`.
    static func appendBase64(_ data: Data, to output: inout [UInt8]) {
        data.withUnsafeBytes { appendBase64($0, to: &output) }
    }

    /// The bytes of `input` in standard base64 with padding, appended to `output`.
    static func appendBase64(_ input: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        let alphabet = base64Alphabet
        do {
            var index = 0
            while index + 3 <= input.count {
                let chunk = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
                output.append(alphabet[Int(chunk >> 18 & 63)])
                output.append(alphabet[Int(chunk >> 12 & 63)])
                output.append(alphabet[Int(chunk >> 6 & 63)])
                output.append(alphabet[Int(chunk & 63)])
                index += 3
            }
            switch input.count - index {
            case 1:
                let chunk = UInt32(input[index]) << 16
                output.append(alphabet[Int(chunk >> 18 & 63)])
                output.append(alphabet[Int(chunk >> 12 & 63)])
                output.append(contentsOf: "==".utf8)
            case 2:
                let chunk = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8
                output.append(alphabet[Int(chunk >> 18 & 63)])
                output.append(alphabet[Int(chunk >> 12 & 63)])
                output.append(alphabet[Int(chunk >> 6 & 63)])
                output.append(UInt8(ascii: "="))
            default: break
            }
        }
    }

    /// The nodes at `path` below `node`, with the position in the last array passed through.
    static func nodes(at path: ArraySlice<PersonalField.Step>, from node: Int, position: Int?, in tape: JSONTape)
        -> [(node: Int, position: Int?)]
    {
        guard let step = path.first else { return [(node, position)] }
        switch step {
        case .key(let key):
            guard tape[node].kind == .object else { return [] }
            var candidate = node + 1
            for _ in 0..<tape[node].count {
                if tape.plainString(candidate) == key {
                    return nodes(at: path.dropFirst(), from: candidate + 1, position: position, in: tape)
                }
                candidate = tape[candidate + 1].next
            }
            return []
        case .each:
            guard tape[node].kind == .array else { return [] }
            var found: [(node: Int, position: Int?)] = []
            var element = node + 1
            for index in 0..<tape[node].count {
                found += nodes(at: path.dropFirst(), from: element, position: index, in: tape)
                element = tape[element].next
            }
            return found
        }
    }

    static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case ..<0x20:
                output.append(contentsOf: String(format: "\\u%04x", byte).utf8)
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// Personal fields are never instants: the tape is scanned without reading any.
enum NoInstants: InstantSpelling {
    static func format(_ instant: Date) -> String { "" }
    static func append(_ instant: Date, to bytes: inout [UInt8]) {}
    static func parse(_ text: String) -> Date? { nil }
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? { nil }
}

extension FieldEncryption: StoredDataProtection {
    package func willCommit() throws { try keyring.commitPending() }
    package func didRollback() { keyring.discardPending() }
    package func lookAgainAtKeys() throws { try keyring.lookAgain() }
}
