import CDOPDomain
import Synchronization
import Testing

@testable import CDOPHTTP

/// A page rendered once with slots, filled for each visitor.
@Suite("A page kept with slots for each visitor's value")
struct SlottedPageTests {
    @Test("Every slot is filled with the visitor's value and the rest of the page is as rendered")
    func everySlotIsFilledAndTheRestIsAsRendered() {
        let page = SlottedPage { slot in Array("<p>\(slot)</p><input value=\"\(slot)\">end".utf8) }
        #expect(page.slots == 2)
        #expect(String(decoding: page.filled(with: "abc"), as: UTF8.self) == "<p>abc</p><input value=\"abc\">end")
    }

    @Test("A value is escaped in its slot as the template would have escaped it")
    func aValueIsEscapedInItsSlot() {
        let page = SlottedPage { slot in Array("<input value=\"\(slot)\">".utf8) }
        #expect(
            String(decoding: page.filled(with: "\"><script>"), as: UTF8.self)
                == "<input value=\"&quot;&gt;&lt;script&gt;\">")
    }

    @Test("A page without the slot's marker is kept whole, and markers at either end leave empty parts")
    func pagesWithoutOrAtTheEdges() {
        #expect(SlottedPage.split(Array("abc".utf8), at: Array("xy".utf8)) == [Array("abc".utf8)])
        #expect(SlottedPage.split(Array("xyaxy".utf8), at: Array("xy".utf8)) == [[], Array("a".utf8), []])
        #expect(SlottedPage.split(Array("x".utf8), at: Array("xy".utf8)) == [Array("x".utf8)])
    }

    @Test("The cache keeps at most its capacity, the oldest put out first")
    func theCacheKeepsAtMostItsCapacity() {
        let cache = FormPageCache(capacity: 2)
        var rendered = 0
        func open(_ reference: String) {
            let inputs = FormPageCache.Inputs(
                caseReference: reference, formType: .reporting, values: [:], agency: "A",
                due: CalendarDate(year: 2026, month: 1, day: 1)!,
                childName: "", dateOfBirth: nil, dateOfDeath: nil, notice: nil)
            _ = cache.page(for: inputs) {
                rendered += 1
                return SlottedPage { _ in [] }
            }
        }
        open("a")
        open("b")
        open("a")
        #expect(rendered == 2)
        open("c")
        #expect(cache.count == 2)
        open("a")
        #expect(rendered == 4, "the oldest, a, was put out when c came")

        let small = FormPageCache(capacity: 100, byteBudget: 10)
        for reference in ["x", "y", "z"] {
            let inputs = FormPageCache.Inputs(
                caseReference: reference, formType: .reporting, values: [:], agency: "A",
                due: CalendarDate(year: 2026, month: 1, day: 1)!, childName: "", dateOfBirth: nil, dateOfDeath: nil,
                notice: nil)
            _ = small.page(for: inputs) { SlottedPage { _ in Array(repeating: 0, count: 6) } }
        }
        #expect(small.count == 1, "two pages of six bytes are over a budget of ten")
    }

    @Test("A request's page replaces the one kept for it, and no page is kept past its lifetime")
    func aRequestsPageReplacesTheOneKeptAndNoneOutlivesItsLifetime() {
        let start = ContinuousClock.now
        let elapsed = Mutex<Duration>(.zero)
        let cache = FormPageCache(lifetime: .seconds(600), now: { start + elapsed.withLock { $0 } })
        var rendered = 0
        func open(child: String, agency: String = "A") {
            let inputs = FormPageCache.Inputs(
                caseReference: "CDOP-1", formType: .reporting, values: [:], agency: agency,
                due: CalendarDate(year: 2026, month: 1, day: 1)!, childName: child, dateOfBirth: nil,
                dateOfDeath: nil, notice: nil)
            _ = cache.page(for: inputs) {
                rendered += 1
                return SlottedPage { _ in Array(child.utf8) }
            }
        }
        open(child: "Alex Testchild")
        open(child: "Alex Testchild", agency: "B")
        #expect(cache.count == 2, "two requests of one case: a page each")
        open(child: "erased")
        #expect(cache.count == 2 && rendered == 3, "the page from before the erasure is gone, not only unused")
        elapsed.withLock { $0 = .seconds(601) }
        open(child: "erased")
        #expect(rendered == 4, "a page older than its lifetime is rendered again")
    }
}
