import Foundation
import Mustache
import Testing

@testable import CDOPHTTP

/// The compiled templates render exactly the bytes swift-mustache renders from the same templates and views.
@Suite("Compiled page templates")
struct CompiledTemplateTests {
    struct Row: Encodable {
        var name: String
        var note: String?
        var count: Int
        var tags: [String]
    }

    struct Page: Encodable {
        var title: String
        var rows: [Row]
        var empty: [Row]
        var lookup: [String: String]
        var shown: Bool
        var hidden: Bool
        var nested: Row?
        var missing: Row?
        var fallback: String
        var ratio: Double
        var maybeNumbers: [Int?]
    }

    static let page = Page(
        title: "T <b> & \"q\" 'a'",
        rows: [
            Row(name: "one", note: "n1", count: 1, tags: ["x", "y"]), Row(name: "two", note: nil, count: 2, tags: []),
        ],
        empty: [], lookup: ["a": "A", "b": "<B>"], shown: true, hidden: false,
        nested: Row(name: "inner", note: nil, count: 0, tags: ["z"]), missing: nil, fallback: "from the page",
        ratio: 0.25, maybeNumbers: [1, nil, 3])

    /// The templates rendered both ways, with `main` as the page.
    static func both(_ templates: [String: String], main: String = "main") throws -> (
        compiled: String, reference: String
    ) {
        var compiled: [String: [TemplateNode]] = [:]
        var library = MustacheLibrary()
        for (name, text) in templates {
            compiled[name] = try TemplateParser.compile(text, name: name)
            library.register(try MustacheTemplate(string: text), named: name)
        }
        let root = TemplateValue.object(TemplateObject(fields: ["content": try TemplateValueEncoder.encode(page)]))
        let ours = String(
            decoding: CompiledTemplates(templates: compiled).render(main, root: root) ?? [], as: UTF8.self)
        let reference = library.render(["content": ReflectedView.wrap(page) ?? page], withTemplate: main) ?? "(none)"
        return (ours, reference)
    }

    @Test(
        "Variables, sections over lists, flags, strings and objects, inverted sections, dotted and anchored names, transforms",
        arguments: [
            "{{content.title}}|{{{content.title}}}|{{&content.title}}",
            "{{#content}}{{#rows}}[{{name}}:{{#.note}}{{note}}{{/.note}}:{{count}}:{{fallback}}:{{#tags}}{{.}},{{/tags}}]{{/rows}}{{/content}}",
            "{{#content}}{{^empty}}none{{/empty}}{{^rows}}never{{/rows}}{{#empty}}never{{/empty}}{{/content}}",
            "{{#content}}{{lookup.a}}{{lookup.b}}{{lookup.c}}|{{#lookup}}{{a}}{{/lookup}}{{/content}}",
            "{{#content}}{{#shown}}yes{{/shown}}{{#hidden}}no{{/hidden}}{{^hidden}}not hidden{{/hidden}}{{^shown}}no{{/shown}}{{/content}}",
            "{{#content}}{{#nested}}{{name}}/{{title}}/{{.name}}/{{.title}}{{/nested}}{{#missing}}never{{/missing}}{{^missing}}absent{{/missing}}{{/content}}",
            "{{#content}}{{count(rows)}}|{{count(empty)}}|{{#first(rows)}}{{name}}{{/first(rows)}}|{{count(lookup)}}{{/content}}",
            "{{#content}}{{ratio}}|{{shown}}|{{#title}}[{{.}}]{{/title}}|{{#maybeNumbers}}{{.}};{{/maybeNumbers}}{{/content}}",
            "{{#content}}{{nested.name}}|{{nested.nothing}}|{{missing.name}}|{{nested.title}}{{/content}}",
        ])
    func valuesAndSections(template: String) throws {
        let (ours, reference) = try Self.both(["main": template])
        #expect(ours == reference)
        #expect(!ours.isEmpty)
    }

    @Test(
        "A section, comment or pragma tag alone on its line takes the line with it; inline tags keep the text around them"
    )
    func standaloneLines() throws {
        let template = """
            {{% CONTENT_TYPE: CDOPHTML }}
            <ul>
              {{#content.rows}}
              <li>{{name}}</li>
              {{/content.rows}}
              {{! a comment on its own line }}
            </ul>
            before {{! inline }} after
              {{^content.empty}}  indented text {{/content.empty}}
            {{#content.shown}}
            shown
            {{/content.shown}}
            end
            """
        _ = HTMLEscaping.registered
        let (ours, reference) = try Self.both(["main": template])
        #expect(ours == reference)
        #expect(ours.contains("<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>\n"), "\(ours)")
    }

    @Test("Partials, and parents whose blocks the child fills, the outermost child's block winning")
    func partialsAndParents() throws {
        let templates = [
            "layout": "<title>{{$title}}Default{{/title}}</title>\n<main>\n{{$main}}\nno main\n{{/main}}\n</main>\n",
            "middle": "{{<layout}}{{$title}}Middle{{/title}}{{$main}}middle main\n{{/main}}{{/layout}}\n",
            "row": "<li>{{name}}</li>\n",
            "main": """
            {{<middle}}{{$title}}Page {{content.title}}{{/title}}{{$main}}
            {{#content.rows}}
            {{> row}}
            {{/content.rows}}
            {{/main}}{{/middle}}

            """,
            "plain": "{{<layout}}{{/layout}}",
        ]
        _ = HTMLEscaping.registered
        let (ours, reference) = try Self.both(templates)
        #expect(ours == reference)
        #expect(ours.contains("<title>Page T &lt;b&gt;"), "\(ours)")
        #expect(ours.contains("<li>one</li>\n<li>two</li>\n"), "\(ours)")
        let (plain, plainReference) = try Self.both(templates, main: "plain")
        #expect(plain == plainReference && plain.contains("no main"))
    }

    @Test(
        "What the page templates do not need is refused when they are compiled, naming the template and line",
        arguments: [
            ("a\n{{#open}}\nnever closed", "{{open}} is not closed"),
            ("{{#a}}{{/b}}", "{{/b}} closes a section, but {{a}} is open"),
            ("{{=<% %>=}}", "changing the delimiters is not supported"),
            ("{{uppercased(name)}}", "unknown transform 'uppercased'"),
            ("x\n  {{> row}}\n", "an indented partial is not supported"),
            ("{{>*dynamic}}", "a dynamic partial"),
            ("{{% CONTENT_TYPE: TEXT }}", "the only pragma"),
            ("{{name", "is not closed by }}"),
        ])
    func refused(template: String, reason: String) {
        #expect {
            try TemplateParser.compile(template, name: "broken")
        } throws: { error in
            let error = error as? TemplateSyntaxError
            return error?.template == "broken" && error?.description.contains(reason) == true
        }
    }

    @Test("Every shipped template compiles, and every partial and parent it names exists")
    func shippedTemplatesCompile() throws {
        let folder = try #require(PageRenderer.templatesFolder)
        let compiled = try CompiledTemplates.load(folder: folder)
        #expect(compiled.templates.count >= 30)
        #expect(compiled.templates["layout"] != nil)
    }
}
