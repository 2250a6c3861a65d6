import Foundation

/// The reverse proxies whose `X-Forwarded-For` cdop believes (`CDOP_TRUSTED_PROXIES`: addresses or CIDR blocks;
/// none by default). Rate limits and the access log key on the client this finds, so behind the proxy one client
/// cannot use up a limit for everyone, and a client cannot choose its own address by sending the header itself.
package struct TrustedProxies: Sendable, Hashable {
    package var ranges: [IPAddressRange]

    package init(_ ranges: [IPAddressRange] = []) {
        self.ranges = ranges
    }

    /// Reads a comma- or space-separated list; the entries that are not an address or block.
    static func parse(_ text: String) -> Result<TrustedProxies, ReasonText> {
        var ranges: [IPAddressRange] = []
        for entry in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            guard let range = IPAddressRange(String(entry)) else {
                return .failure(
                    "\"\(entry)\" is not an IP address or CIDR block (for example 127.0.0.1, ::1 or 10.0.0.0/8)")
            }
            ranges.append(range)
        }
        return .success(TrustedProxies(ranges))
    }

    /// Reads the list, throwing the reason when an entry is neither an address nor a block.
    package static func parsing(_ text: String) throws -> TrustedProxies {
        try parse(text).get()
    }

    package func trusts(_ address: String) -> Bool { ranges.contains { $0.contains(address) } }

    /// The client's address: the socket's peer, unless that peer is a trusted proxy; then the right-most address
    /// of `X-Forwarded-For` (every instance of the header, in order) that is not itself a trusted proxy. A header
    /// from anyone else is ignored. Addresses are given in canonical form.
    package func clientAddress(peer: String, forwardedFor: [String]) -> String {
        guard trusts(peer) else { return Self.canonical(peer) }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        var client = peer
        for hop in hops.reversed() {
            guard IPAddressRange.addressBytes(hop) != nil else { break }
            client = hop
            if !trusts(hop) { break }
        }
        return Self.canonical(client)
    }

    static func canonical(_ address: String) -> String {
        IPAddressRange.addressBytes(address).flatMap(IPAddressRange.text) ?? address
    }
}
