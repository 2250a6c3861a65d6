import CDOPDomain
import Crypto
import Foundation

/// The command ids of one file's import, derived from its bytes: each batch of rows is one command, so a batch
/// written before a crash is recognised (and skipped) when the same file is imported again, and the whole
/// file imported twice is imported once.
struct ImportCommandIDs: Sendable {
    /// The SHA-256 of the file, in hex.
    let digest: String
    /// The last batch's command: the id a whole-file import had before imports were batched, so a file imported
    /// then is still recognised as imported.
    let final: UUID

    init(_ text: String) {
        let data = Data(text.utf8)
        digest = SHA256Hex.of(data)
        final = Self.uuid(SHA256.hash(data: Data("cdop.import.v1\n".utf8) + data))
    }

    /// The command id of batch `index` of `count`.
    func batch(_ index: Int, of count: Int) -> UUID {
        index == count - 1 ? final : Self.uuid(SHA256.hash(data: Data("cdop.import.v2|\(digest)|batch \(index)".utf8)))
    }

    /// The id of the case the row on `line` becomes: the same when the check decides it and when it is written.
    func caseID(line: Int) -> CaseID {
        CaseID(NameBasedUUID.make("cdop.import|\(digest)|row \(line)"))
    }

    /// The id of the panel meeting this file's rows reviewed on `day` are listed at.
    func meeting(on day: CalendarDate) -> MeetingID {
        MeetingID(NameBasedUUID.make("cdop.import|\(digest)|meeting|\(day.iso)"))
    }

    /// A version-5-shaped UUID from the first 16 bytes of a digest.
    private static func uuid(_ digest: SHA256.Digest) -> UUID {
        var bytes = Array(digest.prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
