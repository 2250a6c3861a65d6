/// FNV-1a, 64 bits, over the UTF-8 of a text: a fast, stable hash for seeds, file names, name-based UUIDs and
/// shares of work. Not for anything a person could choose to collide.
package enum FNV1a {
    /// The standard offset basis.
    package static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of `text`, from `seed` (the offset basis unless another is given).
    package static func hash(_ text: String, seed: UInt64 = offsetBasis) -> UInt64 {
        var hash = seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// The hash as 16 lower-case hexadecimal digits.
    package static func hex(_ text: String) -> String {
        let digits = String(hash(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
