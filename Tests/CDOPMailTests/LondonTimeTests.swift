import CDOPMail
import Foundation
import Testing

@Suite("UK civil time (Europe/London) by rule")
struct LondonTimeTests {
    @Test("The rule gives the same offset as the system time-zone database around every clock change, 1997-2040")
    func agreesWithTimeZoneDatabase() throws {
        let london = try #require(TimeZone(identifier: "Europe/London"))
        for year in 1997...2040 {
            for change in [EuropeLondon.summerTimeStart(in: year), EuropeLondon.summerTimeEnd(in: year)] {
                let instant = change.secondsSinceEpoch
                for delta in stride(from: -7200, through: 7200, by: 900) {
                    let date = Date(timeIntervalSince1970: TimeInterval(instant + delta))
                    #expect(
                        EuropeLondon.offsetFromUTC(at: date) == london.secondsFromGMT(for: date),
                        "\(CivilDateTime(utc: date)) UTC")
                }
            }
            let midsummer = CivilDateTime(year: year, month: 7, day: 1, hour: 12).utcInstant
            let midwinter = CivilDateTime(year: year, month: 1, day: 15, hour: 12).utcInstant
            #expect(EuropeLondon.offsetFromUTC(at: midsummer) == 3600)
            #expect(EuropeLondon.offsetFromUTC(at: midwinter) == 0)
        }
    }

    @Test("The clocks change on the last Sunday of March and of October at 01:00 UTC")
    func changeDates() {
        #expect(EuropeLondon.summerTimeStart(in: 2026) == CivilDateTime(year: 2026, month: 3, day: 29, hour: 1))
        #expect(EuropeLondon.summerTimeEnd(in: 2026) == CivilDateTime(year: 2026, month: 10, day: 25, hour: 1))
        #expect(EuropeLondon.summerTimeStart(in: 2027) == CivilDateTime(year: 2027, month: 3, day: 28, hour: 1))
        #expect(EuropeLondon.summerTimeEnd(in: 2027) == CivilDateTime(year: 2027, month: 10, day: 31, hour: 1))
    }

    @Test("A London wall time maps to its instant on either side of the October change")
    func localToInstant() throws {
        let friday = try EuropeLondon.instant(atLocal: CivilDateTime(year: 2026, month: 10, day: 23, hour: 14))
        #expect(CivilDateTime(utc: friday) == CivilDateTime(year: 2026, month: 10, day: 23, hour: 13))
        let monday = try EuropeLondon.instant(atLocal: CivilDateTime(year: 2026, month: 10, day: 26, hour: 14))
        #expect(CivilDateTime(utc: monday) == CivilDateTime(year: 2026, month: 10, day: 26, hour: 14))
        #expect(EuropeLondon.localTime(at: friday) == CivilDateTime(year: 2026, month: 10, day: 23, hour: 14))
    }

    @Test("An hour repeated in October is its first (BST) occurrence; an hour skipped in March does not exist")
    func ambiguousAndSkipped() throws {
        let repeated = try EuropeLondon.instant(
            atLocal: CivilDateTime(year: 2026, month: 10, day: 25, hour: 1, minute: 30))
        #expect(CivilDateTime(utc: repeated) == CivilDateTime(year: 2026, month: 10, day: 25, hour: 0, minute: 30))
        let skipped = CivilDateTime(year: 2026, month: 3, day: 29, hour: 1, minute: 30)
        #expect(throws: LondonTimeError.skippedByClockChange(skipped)) { try EuropeLondon.instant(atLocal: skipped) }
        let invalid = CivilDateTime(year: 2026, month: 2, day: 30, hour: 9)
        #expect(throws: LondonTimeError.invalidDate(invalid)) { try EuropeLondon.instant(atLocal: invalid) }
    }
}
