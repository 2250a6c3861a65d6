import CDOPPrimitives
import Foundation

/// UUIDs named by what they identify (version 8, two FNV-1a hashes): every process derives the same id for the
/// same thing, so a retried or doubled action carries the same id.
package enum NameBasedUUID {
    package static func make(_ name: String) -> UUID {
        var bytes = withUnsafeBytes(of: FNV1a.hash(name).bigEndian, Array.init)
        bytes += withUnsafeBytes(of: FNV1a.hash(name, seed: 0x8422_2325_CBF2_9CE4).bigEndian, Array.init)
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
