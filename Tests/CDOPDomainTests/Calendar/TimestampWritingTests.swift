import Foundation
import Testing

@testable import CDOPDomain

@Suite("Instants written digit by digit")
struct TimestampWritingTests {
    @Test(
        "An instant appended as UTF-8 is the text Timestamp.format gives, milliseconds and dates before 1970 included")
    func appendedAsFormatted() {
        var state: UInt64 = 9
        for _ in 0..<5000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let milliseconds = Int64(bitPattern: state >> 20) % 4_000_000_000_000
            let instant = Date(timeIntervalSince1970: Double(milliseconds) / (state % 3 == 0 ? 1 : 1000))
            var bytes: [UInt8] = []
            Timestamp.append(instant, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Timestamp.format(instant))
        }
    }
}
