import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Whether a TCP server answers at host:port within a timeout: a connect, then a close. Runs on a thread of
/// its own, never on Swift's cooperative pool, since name lookup and connect block.
enum TCPProbe {
    static func reachable(host: String, port: Int, timeout: Duration = .seconds(2)) async -> Bool {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: connect(host: host, port: port, timeout: timeout)) }.start()
        }
    }

    private static func connect(host: String, port: Int, timeout: Duration) -> Bool {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return false }
        defer { freeaddrinfo(list) }
        var entry: UnsafeMutablePointer<addrinfo>? = first
        let milliseconds = Int32(
            timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        while let address = entry {
            defer { entry = address.pointee.ai_next }
            let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            if Glibc.connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 { return true }
            guard errno == EINPROGRESS else { continue }
            var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            guard poll(&poller, 1, milliseconds) == 1 else { continue }
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &failure, &length)
            if failure == 0 { return true }
        }
        return false
    }
}
