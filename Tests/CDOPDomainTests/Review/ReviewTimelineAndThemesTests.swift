import CDOPDomain
import Testing

@Suite("Review timeline and learning themes")
struct ReviewTimelineAndThemesTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    @Test("A case reviewed, reopened and reviewed again stood reviewed only between each review and the next reopening")
    func reviewedAsAtADay() {
        var timeline = ReviewTimeline()
        timeline.reviews = [Self.day(2021, 5, 4), Self.day(2022, 2, 1)]
        timeline.reopenings = [Self.day(2021, 9, 1)]
        #expect(!timeline.isReviewed(asAt: Self.day(2021, 3, 31)))
        #expect(timeline.isReviewed(asAt: Self.day(2021, 6, 30)))
        #expect(!timeline.isReviewed(asAt: Self.day(2021, 12, 31)), "reopened then")
        #expect(timeline.isReviewed(asAt: Self.day(2022, 3, 31)))
    }

    @Test("A pause covers the days from its start to the day before it ended; ready counts from its day")
    func pausedAndReadyAsAtADay() {
        var timeline = ReviewTimeline()
        timeline.pauses = [(Self.day(2020, 10, 1), Self.day(2021, 1, 15)), (Self.day(2021, 6, 1), nil)]
        timeline.readyOn = Self.day(2021, 3, 1)
        #expect(timeline.isPaused(asAt: Self.day(2020, 12, 31)))
        #expect(!timeline.isPaused(asAt: Self.day(2021, 1, 15)))
        #expect(timeline.isPaused(asAt: Self.day(2026, 1, 1)), "an open pause goes on")
        #expect(!timeline.isReady(asAt: Self.day(2021, 2, 28)) && timeline.isReady(asAt: Self.day(2021, 3, 1)))
    }

    @Test("The timeline is stored as text and read back unchanged; a damaged entry is refused")
    func encodedRoundTrip() {
        var timeline = ReviewTimeline()
        timeline.reviews = [Self.day(2021, 5, 4)]
        timeline.reopenings = [Self.day(2021, 9, 1)]
        timeline.readyOn = Self.day(2021, 4, 20)
        timeline.pauses = [(Self.day(2020, 10, 1), nil)]
        timeline.actionsCompleted = [Self.day(2021, 7, 1)]
        #expect(ReviewTimeline(encoded: timeline.encoded) == timeline)
        #expect(ReviewTimeline(encoded: "") == ReviewTimeline())
        #expect(ReviewTimeline(encoded: "R:2021-13-01") == nil && ReviewTimeline(encoded: "X:2021-01-01") == nil)
    }

    @Test("Themes that differ only in capitals or spaces are one, named as the panel's list names it")
    func themesFoldCaseAndSpaces() {
        let themes = LearningThemes(configured: ["Safe sleep", "Water safety"])
        let counted = themes.counted([
            ["safe sleep"], ["Safe  Sleep", " SAFE SLEEP"], ["water safety", "Road safety"], ["road safety"],
        ])
        #expect(
            counted.map(\.name) == ["Road safety", "Safe sleep", "Water safety"], "most raised first, then by name")
        #expect(counted.map(\.reviews) == [2, 2, 1], "a review counts once per theme, however often it spells it")
        let unlisted = LearningThemes().counted([["mental health"], ["Mental health"], ["Mental health"]])
        #expect(unlisted.map(\.name) == ["Mental health"], "else named as most reviews spelled it")
    }
}
