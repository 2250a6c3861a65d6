import CCurl
import Foundation

/// The bytes libcurl reads for one message (the DATA of SMTP, an HTTPS post's body), through
/// `CURLOPT_READFUNCTION`.
final class UploadSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    var count: Int { bytes.count }

    /// Copies up to `capacity` of the next bytes into `buffer`; 0 at the end.
    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let n = min(capacity, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: n)
        }
        offset += n
        return n
    }
}

/// CURLOPT_READFUNCTION: copies the next bytes of the `UploadSource` passed as CURLOPT_READDATA.
let uploadRead: curl_read_callback = { buffer, size, count, context in
    guard let buffer, let context else { return Int(CURL_READFUNC_ABORT) }
    let source = Unmanaged<UploadSource>.fromOpaque(context).takeUnretainedValue()
    return source.read(into: buffer, capacity: size * count)
}
