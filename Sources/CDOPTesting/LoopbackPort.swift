import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback port nothing listens on: bound by the kernel, then closed.
package func closedLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw LoopbackPortUnavailable(reason: "socket() failed") }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
        }
    }
    guard bound else { throw LoopbackPortUnavailable(reason: "bind() on 127.0.0.1 failed") }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Why no loopback port could be had.
package struct LoopbackPortUnavailable: Error, CustomStringConvertible {
    package var reason: String
    package var description: String { "no free port on 127.0.0.1: \(reason)" }
}
