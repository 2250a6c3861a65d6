import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import NIOCore

/// Renders pages from the Mustache templates shipped in this module's `Templates/` folder. `{{name}}` escapes
/// HTML, so whatever anyone typed is shown as text, never as markup; no template uses `{{{…}}}`.
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

    let library: MustacheLibrary

    /// The templates every page needs; loading checks they are all there.
    static let required = ["layout", "error", "notification-form", "notification-received", "sign-in"]

    package init(library: MustacheLibrary) {
        self.library = library
    }

    /// Loads the shipped templates.
    package static func load() async throws -> PageRenderer {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw LoadError.templatesMissing(Bundle.module.bundlePath + "/Templates")
        }
        _ = HTMLEscaping.registered
        let library = try await MustacheLibrary(directory: folder.path)
        for name in required where library.getTemplate(named: name) == nil { throw LoadError.templateMissing(name) }
        return PageRenderer(library: library)
    }

    /// The page `template` showing `content` inside the layout described by `chrome`.
    package func page(_ template: String, _ content: Any, chrome: PageChrome, status: HTTPResponse.Status = .ok)
        -> Response
    {
        let html = self.html(template, content, chrome: chrome)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

extension PageRenderer {
    /// The page's HTML.
    func html(_ template: String, _ content: Any, chrome: PageChrome) -> String {
        let context: [String: Any] = [
            "page": ReflectedView.wrap(chrome) ?? chrome, "content": ReflectedView.wrap(content) ?? content,
        ]
        return library.render(context, withTemplate: template)
            ?? "<!doctype html><title>Error</title><p>The page \(template) could not be shown.</p>"
    }
}

/// See other: after a successful form post, so a reload does not post twice.
package func redirect(to location: String) -> Response {
    Response(status: .seeOther, headers: [.location: location])
}
