import Foundation
import Testing

@testable import CDOPStore

@Suite("Fixed text forms of ids and times")
struct CodecTests {
    @Test("A UTC timestamp survives formatting and parsing to the millisecond, across centuries and leap days")
    func timestampRoundTrip() {
        var generator = SystemRandomNumberGenerator()
        let fixed: [Double] = [0, 951_782_400.5, 1_709_164_800.999, -86_400, 4_102_444_799.001, 1_790_000_000]
        let random = (0..<2000).map { _ in
            Double(Int64.random(in: -2_000_000_000_000...8_000_000_000_000, using: &generator)) / 1000
        }
        for seconds in fixed + random {
            let date = Date(timeIntervalSince1970: seconds)
            let text = UTCTimestamp.string(from: date)
            #expect(text.utf8.count == 24)
            let parsed = UTCTimestamp.parse(text)
            #expect(
                parsed.map { abs($0.timeIntervalSince1970 - (seconds * 1000).rounded() / 1000) < 0.0005 } == true,
                "\(text)")
        }
        #expect(UTCTimestamp.string(from: Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
    }

    @Test("Timestamps agree with Foundation's ISO 8601 formatter")
    func timestampsAgreeWithFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for seconds in stride(from: -5_000_000_000.0, to: 5_000_000_000.0, by: 7_777_777.125) {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(UTCTimestamp.string(from: date) == formatter.string(from: date))
        }
    }

    @Test(
        "Malformed timestamps are refused",
        arguments: [
            "", "2026-13-01T00:00:00.000Z", "2026-01-01 00:00:00.000Z", "2026-01-01T00:00:00.000+",
            "2026-01-01T25:00:00.000Z",
        ])
    func malformedTimestamps(text: String) {
        #expect(UTCTimestamp.parse(text) == nil)
    }
}
