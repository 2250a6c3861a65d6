import Foundation
import Testing

@testable import CDOPDomain

@Suite("Dates, times and their formats")
struct CalendarTests {
    @Test(
        "Days since 1970 and calendar dates convert both ways",
        arguments: [-800_000, -1, 0, 59, 365, 10_957, 20_576, 2_000_000])
    func roundTrip(_ days: Int) {
        #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
    }

    @Test("Invalid days are refused")
    func invalid() {
        #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(iso: "2026-13-01") == nil)
        #expect(CalendarDate(iso: "2026-5-01") == nil)
        #expect(throws: DomainError.invalidDate(field: "date of death", text: "31/02/2026")) {
            try CalendarDate.parse("31/02/2026", field: "date of death")
        }
    }

    @Test("Dates read the way a coordinator writes them")
    func formats() {
        #expect(DayFormatter.long(Sample.day(2026, 5, 3)) == "3 May 2026")
        #expect(DayFormatter.short(Sample.day(2026, 12, 7)) == "7 Dec 2026")
    }

    @Test("The day in England follows British Summer Time")
    func london() {
        // 30 Jun 2026 23:30 UTC is 1 Jul 00:30 BST; 15 Jan 23:30 UTC is still 15 Jan.
        #expect(LondonTime.day(of: Timestamp.parse("2026-06-30T23:30:00Z")!) == Sample.day(2026, 7, 1))
        #expect(LondonTime.day(of: Timestamp.parse("2026-01-15T23:30:00Z")!) == Sample.day(2026, 1, 15))
        // BST 2026 begins 29 March 01:00 UTC and ends 25 October 01:00 UTC.
        #expect(LondonTime.offsetSeconds(at: Timestamp.parse("2026-03-29T00:59:59Z")!) == 0)
        #expect(LondonTime.offsetSeconds(at: Timestamp.parse("2026-03-29T01:00:00Z")!) == 3600)
        #expect(LondonTime.offsetSeconds(at: Timestamp.parse("2026-10-25T00:59:59Z")!) == 3600)
        #expect(LondonTime.offsetSeconds(at: Timestamp.parse("2026-10-25T01:00:00Z")!) == 0)
        #expect(DayFormatter.dayAndTime(Timestamp.parse("2026-06-03T13:00:00Z")!) == "3 June 2026 at 14:00")
    }

    @Test("Instants are written in UTC to the millisecond and read back equal")
    func timestamps() {
        let whole = Timestamp.parse("2026-05-03T13:05:00Z")!
        #expect(Timestamp.format(whole) == "2026-05-03T13:05:00Z")
        #expect(Timestamp.format(Timestamp.parse("2026-05-03T14:05:00.25+01:00")!) == "2026-05-03T13:05:00.250Z")
        let odd = Timestamp.normalised(Date(timeIntervalSince1970: 1_780_000_000.123_456))
        #expect(Timestamp.parse(Timestamp.format(odd)) == odd)
        #expect(Timestamp.parse("2026-05-03 13:05:00Z") == nil)
        #expect(Timestamp.parse("2026-05-03T13:05:00") == nil)
    }

    @Test("Age is counted in completed years; a 29 February birthday falls on 1 March")
    func ages() {
        #expect(AgeAtDeath.years(born: Sample.day(2008, 2, 29), on: Sample.day(2026, 2, 28)) == 17)
        #expect(AgeAtDeath.years(born: Sample.day(2008, 2, 29), on: Sample.day(2026, 3, 1)) == 18)
        #expect(AgeAtDeath.years(born: Sample.day(2025, 12, 20), on: Sample.day(2026, 5, 3)) == 0)
    }
}
