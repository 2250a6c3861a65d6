import Foundation
import Mustache
import Testing

@testable import CDOPHTTP

/// A view read once by reflection renders exactly as the view itself does through Mustache's own mirror.
@Suite("Views read by reflection")
struct ReflectedViewTests {
    struct Row {
        var name: String
        var note: String?
        var count: Int
    }

    struct Page {
        var title: String
        var rows: [Row]
        var empty: [Row]
        var lookup: [String: String]
        var when: Date
        var shown: Bool
        var nested: Row?
        var fallback: String
    }

    @Test("A wrapped view renders the same as the view itself")
    func aWrappedViewRendersTheSameAsTheViewItself() throws {
        let template = try MustacheTemplate(
            string: """
                {{title}}|{{#rows}}[{{name}}:{{#.note}}{{note}}{{/.note}}:{{count}}:{{fallback}}]{{/rows}}|{{^empty}}none{{/empty}}|\
                {{lookup.a}}|{{#shown}}yes{{/shown}}|{{#nested}}{{name}}{{/nested}}|{{when}}
                """)
        let page = Page(
            title: "T <b>", rows: [Row(name: "one", note: "n1", count: 1), Row(name: "two", note: nil, count: 2)],
            empty: [],
            lookup: ["a": "A"], when: Date(timeIntervalSince1970: 0), shown: true,
            nested: Row(name: "inner", note: nil, count: 0),
            fallback: "from the page")
        let direct = template.render(page)
        let wrapped = template.render(ReflectedView.wrap(page))
        #expect(wrapped == direct)
        #expect(
            direct.contains("[two::2:from the page]"),
            "a nil optional is absent and the page's value is found further up")
        #expect(ReflectedView.wrap(page) is ReflectedView)
    }
}
