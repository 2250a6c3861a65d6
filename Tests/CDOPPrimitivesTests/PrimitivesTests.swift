import CDOPPrimitives
import Foundation
import Testing

@Suite("The primitives several modules share: UUID text, FNV-1a, days since the epoch, UK summer time")
struct PrimitivesTests {
    @Test("A UUID's text is read in either case and written lower-case, exactly as Foundation spells it")
    func uuidText() {
        for _ in 0..<1_000 {
            let uuid = UUID()
            #expect(UUIDText.lowercase(uuid) == uuid.uuidString.lowercased())
            #expect(UUIDText.parse(uuid.uuidString) == uuid)
            #expect(UUIDText.parse(uuid.uuidString.lowercased()) == uuid)
        }
        for wrong in [
            "", "not-a-uuid", "0123456789abcdef0123456789abcdef0123", "g1234567-89ab-cdef-0123-456789abcdef",
            "01234567-89ab-cdef-0123-456789abcde", "01234567_89ab-cdef-0123-456789abcdef",
            "3f2b0c1e-0000-4000-8000-00000000000g", "3f2b0c1e-0000-4000-8000-0000000000000",
            " 3f2b0c1e-0000-4000-8000-00000000000",
        ] {
            #expect(UUIDText.parse(wrong) == nil, "\(wrong)")
        }
    }

    @Test("FNV-1a gives the published 64-bit test vectors")
    func fnv1a() {
        #expect(FNV1a.hash("") == 0xCBF2_9CE4_8422_2325)
        #expect(FNV1a.hash("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(FNV1a.hash("foobar") == 0x8594_4171_F739_67E8)
        #expect(FNV1a.hex("a") == "af63dc4c8601ec8c")
        #expect(FNV1a.hex("").count == 16)
    }

    @Test("Days since the epoch and civil dates turn into each other for every day from 1600 to 2400")
    func civilDays() {
        #expect(CivilDays.daysSinceEpoch(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDays.daysSinceEpoch(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilDays.weekday(ofDay: 0) == 4)
        var expected = CivilDays.daysSinceEpoch(year: 1600, month: 1, day: 1)
        for year in 1600...2400 {
            for month in 1...12 {
                let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
                let length = month == 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].contains(month) ? 30 : 31
                for day in 1...length {
                    guard CivilDays.daysSinceEpoch(year: year, month: month, day: day) == expected,
                        CivilDays.civil(fromDays: expected) == (year, month, day)
                    else {
                        Issue.record("\(year)-\(month)-\(day) is not day \(expected)")
                        return
                    }
                    expected += 1
                }
            }
        }
    }

    @Test("Summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October")
    func summerTime() {
        func seconds(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Int {
            CivilDays.daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60
        }
        #expect(UKSummerTime.start(in: 2026) == seconds(2026, 3, 29, 1))
        #expect(UKSummerTime.end(in: 2026) == seconds(2026, 10, 25, 1))
        #expect(UKSummerTime.start(in: 2027) == seconds(2027, 3, 28, 1))
        #expect(UKSummerTime.end(in: 2027) == seconds(2027, 10, 31, 1))
        #expect(UKSummerTime.offsetSeconds(atUTCSeconds: seconds(2026, 3, 29, 0, 59)) == 0)
        #expect(UKSummerTime.offsetSeconds(atUTCSeconds: seconds(2026, 3, 29, 1)) == 3600)
        #expect(UKSummerTime.offsetSeconds(atUTCSeconds: seconds(2026, 10, 25, 0, 59)) == 3600)
        #expect(UKSummerTime.offsetSeconds(atUTCSeconds: seconds(2026, 10, 25, 1)) == 0)
        #expect(UKSummerTime.offsetSeconds(atUTCSeconds: seconds(2026, 12, 3, 12)) == 0)
        #expect(UKSummerTime.offsetSeconds(atUTCSeconds: seconds(1969, 7, 1, 12)) == 3600)
    }
}
