import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import NIOCore
import Synchronization

/// Renders pages from the Mustache templates shipped in this module's `Templates/` folder, compiled once at start
/// (`CompiledTemplates`), from views that are `Encodable` (so each names its own fields, without reflection).
/// `{{name}}` escapes HTML, so whatever anyone typed is shown as text, never as markup; only the annual report's
/// already-escaped body uses `{{{…}}}`. A debug build also renders every page with swift-mustache and reports any
/// byte that differs (`parityMismatches`).
package struct PageRenderer: Sendable {
    package enum LoadError: Error, CustomStringConvertible {
        case templatesMissing(String)
        case templateMissing(String)

        package var description: String {
            switch self {
            case .templatesMissing(let path): "The page templates are not at \(path): reinstall cdop."
            case .templateMissing(let name): "The page template \(name).mustache is missing."
            }
        }
    }

    let compiled: CompiledTemplates
    /// swift-mustache's rendering of the same templates, for the debug build's parity check.
    let library: MustacheLibrary

    /// The templates every page needs; loading checks they are all there.
    static let required = ["layout", "error", "notification-form", "notification-received", "sign-in"]

    /// The folder of the shipped templates.
    static var templatesFolder: URL? { Bundle.module.url(forResource: "Templates", withExtension: nil) }

    /// Loads the shipped templates.
    package static func load() async throws -> PageRenderer {
        guard let folder = templatesFolder else {
            throw LoadError.templatesMissing(Bundle.module.bundlePath + "/Templates")
        }
        _ = HTMLEscaping.registered
        let compiled = try CompiledTemplates.load(folder: folder)
        let library = try await MustacheLibrary(directory: folder.path)
        for name in required where compiled.templates[name] == nil { throw LoadError.templateMissing(name) }
        return PageRenderer(compiled: compiled, library: library)
    }

    /// The page `template` showing `content` inside the layout described by `chrome`.
    package func page(
        _ template: String, _ content: some Encodable & Sendable, chrome: PageChrome, status: HTTPResponse.Status = .ok
    ) -> Response {
        page(template, try? prepare(content), chrome: chrome, status: status)
    }

    /// A view made ready for the templates once, to be shown more than once.
    func prepare(_ content: some Encodable & Sendable) throws -> PreparedView {
        PreparedView(value: try TemplateValueEncoder.encode(content), view: content)
    }

    /// The page `template` showing a prepared view (nil: one that could not be prepared).
    func page(_ template: String, _ content: PreparedView?, chrome: PageChrome, status: HTTPResponse.Status = .ok)
        -> Response
    {
        response(html: bytes(template, content, chrome: chrome), status: status)
    }

    /// A page already rendered.
    func response(html: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        var buffer = ByteBufferAllocator().buffer(capacity: html.count)
        buffer.writeBytes(html)
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }

    /// How many pages of this process rendered differently from swift-mustache (checked in debug builds only).
    package static var parityMismatches: Int { mismatches.load(ordering: .relaxed) }
    private static let mismatches = Atomic<Int>(0)
}

extension PageRenderer {
    /// The page's HTML.
    func html(_ template: String, _ content: some Encodable & Sendable, chrome: PageChrome) -> String {
        String(decoding: bytes(template, try? prepare(content), chrome: chrome), as: UTF8.self)
    }

    /// The page's bytes; a short error page when the view could not be prepared or the template is missing.
    func bytes(_ template: String, _ content: PreparedView?, chrome: PageChrome) -> [UInt8] {
        guard let content, let page = try? TemplateValueEncoder.encode(chrome),
            let html = compiled.render(
                template, root: .object(TemplateObject(fields: ["page": page, "content": content.value])))
        else {
            return Array("<!doctype html><title>Error</title><p>The page \(template) could not be shown.</p>".utf8)
        }
        #if DEBUG
            checkParity(template, content.view, chrome: chrome, html: html)
        #endif
        return html
    }

    /// Renders the page again with swift-mustache and counts (and logs, naming the template and the first byte that
    /// differs, never the page's content) any difference.
    private func checkParity(_ template: String, _ content: Any, chrome: PageChrome, html: [UInt8]) {
        let context: [String: Any] = [
            "page": ReflectedView.wrap(chrome) ?? chrome, "content": ReflectedView.wrap(content) ?? content,
        ]
        let reference = Array((library.render(context, withTemplate: template) ?? "").utf8)
        guard reference != html else { return }
        let first =
            zip(reference, html).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(reference.count, html.count)
        Self.mismatches.add(1, ordering: .relaxed)
        FileHandle.standardError.write(
            Data(
                "page template \(template): the compiled rendering differs from swift-mustache's at byte \(first) (\(html.count) and \(reference.count) bytes)\n"
                    .utf8))
    }
}

/// See other: after a successful form post, so a reload does not post twice.
package func redirect(to location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
}

/// A view with its values for the templates, made once (a page shown again from a cache is not encoded again).
struct PreparedView: Sendable {
    let value: TemplateValue
    /// The view itself, for the debug build's parity check.
    let view: any Sendable
}
