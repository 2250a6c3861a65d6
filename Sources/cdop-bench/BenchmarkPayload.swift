import Foundation

/// Events of about 300 bytes, shaped like cdop's: a case stream, a versioned type, JSON data and metadata.
struct BenchmarkPayload: Sendable {
    let data: Data
    let metadata: Data

    init() {
        data = Data(
            """
            {"requestId":"6c1b0f0e-2d55-4e43-9b1e-1f2f3a4b5c6d","agencyId":"0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d",\
            "contactEmail":"safeguarding.lead@agency.example.org","dueAt":"2026-12-07T00:00:00Z",\
            "form":"reporting","schedule":{"id":"form-b-chasing","version":1},"note":"benchmark payload"}
            """.utf8)
        metadata = Data(
            #"{"actor":"coordinator-1","role":"coordinator","correlationId":"c0ffee00-0000-4000-8000-000000000001"}"#
                .utf8)
    }

    /// The stream id for the n-th of `streams` case streams.
    static func streamID(_ index: Int) -> String {
        "case-" + String(format: "%08x-0000-4000-8000-%012x", index, index)
    }
}
