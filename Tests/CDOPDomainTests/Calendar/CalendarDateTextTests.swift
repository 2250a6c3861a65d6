import Foundation
import Testing

@testable import CDOPDomain

@Suite("Calendar dates as YYYY-MM-DD")
struct CalendarDateTextTests {
    @Test("Every day from 1900 to 2100 is written zero-padded and read back to the same day")
    func everyDayRoundTrips() throws {
        var day = try #require(CalendarDate(year: 1900, month: 1, day: 1))
        let last = try #require(CalendarDate(year: 2100, month: 12, day: 31))
        while day <= last {
            let text = day.iso
            #expect(text == String(format: "%04d-%02d-%02d", day.year, day.month, day.day))
            #expect(CalendarDate(iso: text) == day)
            day = day.adding(days: 1)
        }
        #expect(CalendarDate(year: 7, month: 3, day: 9)?.iso == "0007-03-09")
    }
}
