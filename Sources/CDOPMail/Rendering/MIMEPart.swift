/// A node of the MIME tree being rendered: a leaf with encoded body lines, or a multipart with children.
struct MIMEPart {
    var headers: [String]
    var body: Body

    enum Body {
        case lines([String])
        case multipart(boundary: String, parts: [MIMEPart])
    }

    /// The header and body lines, without line endings.
    func lines() -> [String] {
        var out = headers
        out.append("")
        switch body {
        case .lines(let lines):
            out += lines
        case .multipart(let boundary, let parts):
            for part in parts {
                out.append("--\(boundary)")
                out += part.lines()
            }
            out.append("--\(boundary)--")
        }
        return out
    }
}
