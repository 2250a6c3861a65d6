import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The stylesheet, served from this module's `Static/` folder (loaded once; no directory listing, no paths).
enum StaticFiles {
    static let files: [String: (type: String, body: ByteBuffer)] = {
        var files: [String: (String, ByteBuffer)] = [:]
        guard let folder = Bundle.module.url(forResource: "Static", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [:] }
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                continue
            }
            let type =
                name.hasSuffix(".css")
                ? "text/css; charset=utf-8" : name.hasSuffix(".svg") ? "image/svg+xml" : "application/octet-stream"
            files[name] = (type, ByteBuffer(bytes: data))
        }
        return files
    }()

    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/static/:file", .everyone) { _, context in
            guard let name = context.parameters.get("file"), let file = files[name] else {
                return Response(status: .notFound)
            }
            return Response(status: .ok, headers: [.contentType: file.type], body: .init(byteBuffer: file.body))
        }
    }
}
