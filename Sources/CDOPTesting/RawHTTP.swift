import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plain HTTP/1.1 client over a blocking socket, for tests that need to hold a request half-sent (to prove
/// the server finishes it), to tell a refused connection from a cut-off answer, or to send a body exactly as
/// a client may (with its length, or chunked).
package final class RawHTTP {
    package enum Failure: Error {
        /// Nothing listens (or the server refused the connection).
        case cannotConnect
        /// The connection closed without a byte of answer: the server never read the request.
        case unanswered
        /// An answer began but was cut short: a request half-answered.
        case truncated
    }

    private let descriptor: Int32

    /// Connects to 127.0.0.1:`port`, or throws `.cannotConnect`.
    package init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure.cannotConnect
        }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    package func send(_ text: String) {
        send(bytes: Array(text.utf8))
    }

    package func send(bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let written = bytes[sent...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if written <= 0 { return }
            sent += written
        }
    }

    /// Reads to the end of the connection: the status code and the body; `.unanswered` when nothing came back,
    /// `.truncated` when the answer is shorter than its Content-Length or has no complete head.
    package func response() throws -> (status: Int, body: String) {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return try Self.parse(data)
    }

    /// Reads one answer on a connection kept open: its head, then as many bytes as its Content-Length says.
    package func answer() throws -> (status: Int, body: String) {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Self.missingBytes(data) != 0 {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return try Self.parse(data)
    }

    /// One whole request on a fresh connection (Connection: close).
    package static func get(port: Int, _ path: String) throws -> (status: Int, body: String) {
        let client = try RawHTTP(port: port)
        client.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        return try client.response()
    }

    /// An answer with its header fields (names in lower case, in the order sent).
    package struct Answer: Sendable {
        package var status: Int
        package var headers: [(name: String, value: String)]
        package var body: String

        /// The value of the cookie `name` the answer sets, if it sets one.
        package func cookie(_ name: String) -> String? {
            headers.lazy.filter { $0.name == "set-cookie" }.compactMap { field -> String? in
                let pair = field.value.split(separator: ";", maxSplits: 1)[0]
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name else { return nil }
                return String(parts[1])
            }.first
        }

        /// The first value of header `name`.
        package func header(_ name: String) -> String? {
            headers.first { $0.name == name.lowercased() }?.value
        }
    }

    /// One whole request on a fresh connection (Connection: close), with `headers` and a form or JSON `body`,
    /// answered with the server's header fields.
    package static func request(
        port: Int, _ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil
    ) throws -> Answer {
        let client = try RawHTTP(port: port)
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.utf8.count)\r\n" }
        client.send(head + "\r\n" + (body ?? ""))
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(client.descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        let (status, text) = try parse(data)
        let whole = String(decoding: data, as: UTF8.self)
        let headLines = whole[..<(whole.range(of: "\r\n\r\n")?.lowerBound ?? whole.endIndex)]
            .split(separator: "\r\n").dropFirst()
        let fields = headLines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (
                line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            )
        }
        return Answer(status: status, headers: fields, body: text)
    }

    /// POSTs `body` on a fresh connection kept alive (so the server reads the whole body, answered or not),
    /// with its Content-Length or, when `chunked`, as 64 KiB chunks; on a thread of its own, off Swift's pool.
    package static func post(
        port: Int, _ path: String, headers: [String: String], body: [UInt8], chunked: Bool
    ) async throws -> (status: Int, body: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(
                    with: Result {
                        let client = try RawHTTP(port: port)
                        var head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
                        head += chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: \(body.count)\r\n\r\n"
                        client.send(head)
                        if chunked {
                            for start in stride(from: 0, to: body.count, by: 65_536) {
                                let piece = body[start..<min(start + 65_536, body.count)]
                                client.send(String(piece.count, radix: 16) + "\r\n")
                                client.send(bytes: Array(piece) + Array("\r\n".utf8))
                            }
                            client.send("0\r\n\r\n")
                        } else {
                            client.send(bytes: body)
                        }
                        return try client.answer()
                    })
            }.start()
        }
    }

    /// How many bytes of `data` are still to come: -1 while the head is incomplete, 0 when the answer is whole.
    private static func missingBytes(_ data: [UInt8]) -> Int {
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return -1 }
        let head = text[..<split.lowerBound].lowercased()
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
            let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return 0 }
        return max(0, length - text[split.upperBound...].utf8.count)
    }

    private static func parse(_ data: [UInt8]) throws -> (status: Int, body: String) {
        if data.isEmpty { throw Failure.unanswered }
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n"), let statusLine = text.split(separator: "\r\n").first else {
            throw Failure.truncated
        }
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw Failure.truncated }
        let body = String(text[split.upperBound...])
        if missingBytes(data) > 0 { throw Failure.truncated }
        return (status, body)
    }
}
