import Mustache

/// How every page escapes what it shows: `<`, `>`, `&`, `"` and `'` become entities, exactly as Mustache's own HTML
/// content type does, but read byte by byte (Mustache's reads characters, each looked up in a dictionary, which was
/// a seventh of a dashboard's time). Text with nothing to escape, nearly all of it, is returned as it is.
/// Every template that is a layout or a partial starts with `{{% CONTENT_TYPE: CDOPHTML }}`: Mustache renders each
/// partial (a layout too) in its own HTML content type, so the pragma has to be in each.
struct HTMLEscaping: MustacheContentType {
    static let name = "CDOPHTML"

    /// Makes the content type known to Mustache; before any template is parsed.
    static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscaping) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        append(text, to: &escaped)
        return String(decoding: escaped, as: UTF8.self)
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// Appends `text` to `output` escaped, without making a string of it.
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices where needsEscaping(bytes[index]) {
                output.append(contentsOf: bytes[start..<index])
                switch bytes[index] {
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
                default: output.append(contentsOf: "&#39;".utf8)
                }
                start = index + 1
            }
            output.append(contentsOf: bytes[start...])
        }
    }
}
