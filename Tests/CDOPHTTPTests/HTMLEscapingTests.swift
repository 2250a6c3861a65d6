import Foundation
import Hummingbird
import Mustache
import Testing

@testable import CDOPHTTP

@Suite("Pages escape what they show")
struct HTMLEscapingTests {
    static let catalogue = [
        "", "plain text", "<script>alert('x')</script>", "Tom & Jerry", "\"quoted\" and 'single'", "a<b>c",
        "&amp; already", "Zoë Brontë <é>", "emoji 👩‍👧 & <flags 🇬🇧>", "line\nbreak < tab\t>", ">>>", "''\"\"&&",
    ]

    @Test("The byte-wise escaping gives what Mustache's own HTML escaping gives", arguments: catalogue)
    func theByteWiseEscapingMatchesMustache(_ text: String) throws {
        let mustache = try MustacheTemplate(string: "{{value}}").render(["value": text])
        #expect(HTMLEscaping.escape(text) == mustache)
    }

    @Test("A page shows typed markup as text, in its title and its body")
    func aPageShowsTypedMarkupAsText() async throws {
        let renderer = try await PageRenderer.load()
        let typed = "<img src=x onerror=\"alert('x')\"> & more"
        let html = renderer.html(
            "error", ErrorPage(heading: typed, message: typed, contact: ""),
            chrome: PageChrome(title: typed, panelName: "Panel", staff: nil, csrf: "", path: "/"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; more"))
        #expect(!html.contains("CONTENT_TYPE"))
    }

    @Test("Every layout and partial template selects the byte-wise escaping (Mustache renders each in HTML's own)")
    func everyLayoutAndPartialSelectsTheEscaping() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/CDOPHTTP/Templates").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".mustache")
        }
        #expect(names.count > 20)
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            guard !text.hasPrefix("{{<layout}}") else { continue }
            #expect(text.hasPrefix("{{% CONTENT_TYPE: \(HTMLEscaping.name) }}\n"), "\(name) does not select it")
        }
    }
}
