import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An IPv4 or IPv6 address, or a CIDR block of them (`127.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`).
package struct IPAddressRange: Sendable, Hashable, CustomStringConvertible {
    /// The network's address bytes (4 or 16).
    package let bytes: [UInt8]
    /// How many leading bits must match.
    package let prefixLength: Int

    /// Reads an address or `address/prefix`; nil when it is neither.
    package init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let bytes = Self.addressBytes(String(parts[0])) else { return nil }
        let bits = bytes.count * 8
        if parts.count == 2 {
            guard let length = Int(parts[1]), (0...bits).contains(length), parts[1].allSatisfy(\.isASCII) else {
                return nil
            }
            prefixLength = length
        } else {
            prefixLength = bits
        }
        self.bytes = bytes
    }

    /// Whether `address` (a textual IPv4 or IPv6 address; an IPv4-mapped IPv6 address counts as IPv4) is in range.
    package func contains(_ address: String) -> Bool {
        guard let other = Self.addressBytes(address), other.count == bytes.count else { return false }
        var remaining = prefixLength
        for (mine, theirs) in zip(bytes, other) where remaining > 0 {
            let bitsHere = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bitsHere))
            if mine & mask != theirs & mask { return false }
            remaining -= bitsHere
        }
        return true
    }

    package var description: String {
        let address = Self.text(bytes) ?? "?"
        return prefixLength == bytes.count * 8 ? address : "\(address)/\(prefixLength)"
    }

    /// The 4 or 16 bytes of a textual address (an IPv4-mapped IPv6 address gives its 4 IPv4 bytes); nil otherwise.
    package static func addressBytes(_ text: String) -> [UInt8]? {
        var text = text.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF { return Array(bytes[12...]) }
        return bytes
    }

    /// The canonical text of an address's bytes.
    package static func text(_ bytes: [UInt8]) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        let done = bytes.withUnsafeBytes { raw in inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) }
        guard done != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
