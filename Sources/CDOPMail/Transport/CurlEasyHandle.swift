import CCurl
import Foundation

/// One libcurl easy handle, with its error buffer.
///
/// Not thread-safe: an `SMTPSession` confines each handle to its own serial queue, and an `HTTPSPoster` uses
/// each for one post on one thread, which is what makes the `@unchecked Sendable` true. libcurl keeps the
/// connection open between transfers on the same handle and sends QUIT when the handle is cleaned up.
final class CurlEasyHandle: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// libcurl's global set-up, once per process, before the first handle (not thread-safe in libcurl itself).
    private static let globalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    init?() {
        _ = Self.globalInit
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        _ = cdop_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Sets an option, returning the libcurl code (CURLE_OK = 0).
    @discardableResult func set(_ option: CURLoption, _ value: Int) -> CURLcode {
        cdop_curl_setopt_long(handle, option, value)
    }

    @discardableResult func set(_ option: CURLoption, _ value: String) -> CURLcode {
        cdop_curl_setopt_string(handle, option, value)
    }

    @discardableResult func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) -> CURLcode {
        cdop_curl_setopt_pointer(handle, option, pointer)
    }

    @discardableResult func set(_ option: CURLoption, list: UnsafeMutablePointer<curl_slist>?) -> CURLcode {
        cdop_curl_setopt_slist(handle, option, list)
    }

    @discardableResult func set(_ option: CURLoption, readFunction: curl_read_callback) -> CURLcode {
        cdop_curl_setopt_read_function(handle, option, readFunction)
    }

    @discardableResult func set(_ option: CURLoption, writeFunction: curl_write_callback) -> CURLcode {
        cdop_curl_setopt_write_function(handle, option, writeFunction)
    }

    @discardableResult func set(_ option: CURLoption, offset: Int64) -> CURLcode {
        cdop_curl_setopt_off_t(handle, option, curl_off_t(offset))
    }

    /// Runs one transfer; blocks the calling thread until it ends.
    func perform() -> CURLcode {
        errorBuffer[0] = 0
        return curl_easy_perform(handle)
    }

    /// A `long` transfer information (CURLINFO_RESPONSE_CODE: the last SMTP reply code; 0 when none).
    func info(_ info: CURLINFO) -> Int {
        var value = 0
        return cdop_curl_getinfo_long(handle, info, &value) == CURLE_OK ? value : 0
    }

    /// libcurl's own words for the last failure: the error buffer, else the code's generic text.
    func errorDetail(_ code: CURLcode) -> String {
        let buffer = String(cString: errorBuffer)
        return buffer.isEmpty ? String(cString: curl_easy_strerror(code)) : buffer
    }
}
