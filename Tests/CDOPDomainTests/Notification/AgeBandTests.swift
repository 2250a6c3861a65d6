import CDOPDomain
import Testing

@Suite("Age bands")
struct AgeBandTests {
    static func band(_ born: String, _ died: String) -> AgeBand {
        AgeBand(born: CalendarDate(iso: born)!, died: CalendarDate(iso: died)!)
    }

    @Test("The bands meet at their national boundaries")
    func theBandsMeetAtTheirNationalBoundaries() {
        #expect(Self.band("2026-01-01", "2026-01-28") == .neonatal) // day 27
        #expect(Self.band("2026-01-01", "2026-01-29") == .postNeonatal) // day 28
        #expect(Self.band("2025-01-02", "2026-01-01") == .postNeonatal) // 364 days
        #expect(Self.band("2025-01-01", "2026-01-01") == .oneToFour) // first birthday
        #expect(Self.band("2021-01-01", "2025-12-31") == .oneToFour)
        #expect(Self.band("2021-01-01", "2026-01-01") == .fiveToNine)
        #expect(Self.band("2016-01-01", "2026-01-01") == .tenToFourteen)
        #expect(Self.band("2011-01-01", "2026-01-01") == .fifteenToSeventeen)
        #expect(AgeBand.postNeonatal.label == "28 to 364 days")
    }
}
