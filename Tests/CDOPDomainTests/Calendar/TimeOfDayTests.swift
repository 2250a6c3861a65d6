import Foundation
import Testing

@testable import CDOPDomain

@Suite("Times of day as HH:mm")
struct TimeOfDayTests {
    @Test(
        "Two digits, a colon and two digits within the day are times",
        arguments: [("00:00", 0, 0), ("02:10", 2, 10), ("18:00", 18, 0), ("23:59", 23, 59)])
    func validTimes(text: String, hour: Int, minute: Int) throws {
        let time = try #require(TimeOfDay(text: text))
        #expect(time.hour == hour && time.minute == minute && time.description == text)
    }

    @Test(
        "Anything else is refused",
        arguments: [
            "", "2:10", "02:1", "24:00", "12:60", "12-30", "12:30:00", " 12:30", "12:30 ", "ab:cd", "١٢:٣٠", "12：30",
            "+1:30",
        ])
    func malformedTimes(text: String) {
        #expect(TimeOfDay(text: text) == nil)
    }

    @Test("Every minute of the day survives writing and reading back through JSON")
    func roundTrip() throws {
        for hour in 0..<24 {
            for minute in 0..<60 {
                let time = try #require(TimeOfDay(hour: hour, minute: minute))
                #expect(TimeOfDay(text: time.description) == time)
                let decoded = try CanonicalJSON.decode(TimeOfDay.self, from: CanonicalJSON.encode(time))
                #expect(decoded == time)
            }
        }
    }
}
