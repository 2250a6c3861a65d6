import CCurl
import Dispatch
import Foundation

/// Posts a body to an HTTPS address through libcurl, with certificate verification always on (against
/// `caFile` when given, else the system's CAs), and returns the status the server answered. Redirects are not
/// followed. Each post runs on a thread of its own with a handle of its own, never on Swift's cooperative pool.
package struct HTTPSPoster: Sendable {
    package var caFile: String?
    package var connectTimeout: Duration = .seconds(10)
    package var transferTimeout: Duration = .seconds(60)

    package init(caFile: String? = nil) {
        self.caFile = caFile
    }

    /// Posts `body` to `url` with `headers` (name, value); the status (any, 2xx or not) is the server's answer.
    package func post(_ body: Data, to url: URL, headers: [(String, String)]) async throws(HTTPSPostError) -> Int {
        let server = url.host.map { host in url.port.map { "\(host):\($0)" } ?? host } ?? url.absoluteString
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<Int, HTTPSPostError>, Never>) in
            DispatchQueue.global().async {
                continuation.resume(returning: perform(body, url: url, headers: headers, server: server))
            }
        }
        return try result.get()
    }

    private func perform(_ body: Data, url: URL, headers: [(String, String)], server: String) -> Result<
        Int, HTTPSPostError
    > {
        guard let handle = CurlEasyHandle() else {
            return .failure(.transportFailed(server: server, curlCode: 2, detail: "libcurl could not start"))
        }
        var list: UnsafeMutablePointer<curl_slist>?
        // "Expect:" stops libcurl waiting for a 100 Continue before sending a larger body.
        for line in headers.map({ "\($0.0): \($0.1)" }) + ["Expect:"] {
            guard let appended = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                return .failure(.transportFailed(server: server, curlCode: 27, detail: "out of memory"))
            }
            list = appended
        }
        defer { curl_slist_free_all(list) }
        let source = UploadSource(body)
        handle.set(CURLOPT_URL, url.absoluteString)
        handle.set(CURLOPT_PROTOCOLS_STR, "https")
        handle.set(CURLOPT_NOSIGNAL, 1)
        handle.set(CURLOPT_POST, 1)
        handle.set(CURLOPT_POSTFIELDSIZE_LARGE, offset: Int64(source.count))
        handle.set(CURLOPT_READFUNCTION, readFunction: uploadRead)
        handle.set(CURLOPT_WRITEFUNCTION, writeFunction: discardResponse)
        handle.set(CURLOPT_HTTPHEADER, list: list)
        handle.set(CURLOPT_SSL_VERIFYPEER, 1)
        handle.set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile { handle.set(CURLOPT_CAINFO, caFile) }
        handle.set(CURLOPT_CONNECTTIMEOUT_MS, connectTimeout.milliseconds)
        handle.set(CURLOPT_TIMEOUT_MS, transferTimeout.milliseconds)
        let code = withExtendedLifetime(source) {
            handle.set(CURLOPT_READDATA, pointer: Unmanaged.passUnretained(source).toOpaque())
            return handle.perform()
        }
        guard code == CURLE_OK else {
            return .failure(
                .classify(curlCode: Int(code.rawValue), server: server, detail: handle.errorDetail(code)))
        }
        return .success(handle.info(CURLINFO_RESPONSE_CODE))
    }
}

/// CURLOPT_WRITEFUNCTION: the response's body is not kept (it could echo what was posted).
private let discardResponse: curl_write_callback = { _, size, count, _ in size * count }
