/// Why a template cannot be compiled: what, and on which line.
struct TemplateSyntaxError: Error, CustomStringConvertible {
    var template: String
    var line: Int
    var reason: String

    var description: String { "\(template).mustache, line \(line): \(reason)" }
}

/// Compiles the subset of Mustache the page templates use: variables, sections, inverted sections, comments,
/// partials, parents with blocks, the `CONTENT_TYPE` pragma and transforms. Whitespace follows Mustache's rules as
/// swift-mustache applies them: a section, comment, partial, pragma or block tag alone on its line takes the
/// line with it. Refused: set delimiters, dynamic partials, an indented partial or parent (no template needs
/// them), and an unknown transform or pragma.
struct TemplateParser {
    private let name: String
    private let bytes: [UInt8]
    private var position = 0

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var partialDefinitionIndent: Int?

        func withSection(_ name: String, transforms: [String] = [], newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withParent(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    static func compile(_ text: String, name: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(name: name, bytes: Array(text.utf8))
        if parser.bytes.contains(UInt8(ascii: "\r")) {
            throw TemplateSyntaxError(template: name, line: 1, reason: "templates end their lines with LF only")
        }
        return try parser.parse(State())
    }

    private init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")
    private static let open = UInt8(ascii: "{")
    private static let close = UInt8(ascii: "}")

    private var atEnd: Bool { position >= bytes.count }
    private var current: UInt8 { bytes[position] }

    private func fail(_ reason: String) -> TemplateSyntaxError {
        let line = bytes[..<min(position, bytes.count)].reduce(1) { $0 + ($1 == Self.newline ? 1 : 0) }
        return TemplateSyntaxError(template: name, line: line, reason: reason)
    }

    @discardableResult
    private mutating func read(while predicate: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = position
        while !atEnd, predicate(current) { position += 1 }
        return bytes[start..<position]
    }

    private static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == space || byte == tab }
    private static func isWhitespace(_ byte: UInt8) -> Bool { isSpaceOrTab(byte) || byte == newline }

    private mutating func parse(_ initial: State) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespaceBefore: [UInt8] = []
        while !atEnd {
            if state.newLine {
                let whitespace = Array(read(while: Self.isSpaceOrTab))
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whitespaceBefore = Array(whitespace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whitespace.count
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let text = readUntilTagOrNewline()
            if !atEnd, current == Self.newline {
                nodes.append(.text(whitespaceBefore + text + [Self.newline]))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespaceBefore + text))
                whitespaceBefore = []
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            func flushWhitespace() {
                if !whitespaceBefore.isEmpty {
                    nodes.append(.text(whitespaceBefore))
                    whitespaceBefore = []
                }
            }
            switch current {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = current == UInt8(ascii: "^")
                position += 1
                let (tagName, transforms) = try readName()
                if isStandalone(state) { setNewLine = true } else { flushWhitespace() }
                let inner = try parse(state.withSection(tagName, transforms: transforms, newLine: setNewLine))
                nodes.append(.section(TemplateName(tagName, transforms: transforms), inner, inverted: inverted))
            case UInt8(ascii: "/"):
                position += 1
                let (tagName, transforms) = try readName()
                guard tagName == state.sectionName, transforms == state.sectionTransforms else {
                    throw fail(
                        state.sectionName.map { "{{/\(tagName)}} closes a section, but {{\($0)}} is open" }
                            ?? "{{/\(tagName)}} closes a section that is not open")
                }
                if !isStandalone(state) { flushWhitespace() }
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                try skipComment()
                setNewLine = isStandalone(state)
            case Self.open:
                flushWhitespace()
                position += 1
                let (tagName, transforms) = try readName()
                guard !atEnd, current == Self.close else { throw fail("{{{\(tagName)}} is not closed by }}}") }
                position += 1
                nodes.append(.variable(TemplateName(tagName, transforms: transforms), escaped: false))
            case UInt8(ascii: "&"):
                flushWhitespace()
                position += 1
                let (tagName, transforms) = try readName()
                nodes.append(.variable(TemplateName(tagName, transforms: transforms), escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                let partial = try readPartialName()
                let indentation = whitespaceBefore
                flushWhitespace()
                if isStandalone(state) {
                    setNewLine = true
                    guard indentation.isEmpty else {
                        throw fail("an indented partial is not supported: start {{> \(partial)}} at the line's start")
                    }
                }
                nodes.append(.partial(partial))
            case UInt8(ascii: "<"):
                position += 1
                let parentName = try readPartialName()
                guard whitespaceBefore.isEmpty else {
                    throw fail("an indented parent is not supported: start {{< \(parentName)}} at the line's start")
                }
                if isStandalone(state) { setNewLine = true }
                var blocks: [String: [TemplateNode]] = [:]
                for node in try parse(state.withParent(parentName)) {
                    switch node {
                    case .blockDefinition(let block, let content): blocks[block] = content
                    case .text: break
                    default: throw fail("inside {{<\(parentName)}} only blocks ({{$name}}…{{/name}}) may stand")
                    }
                }
                nodes.append(.parent(parentName, blocks: blocks))
            case UInt8(ascii: "$"):
                position += 1
                let (block, transforms) = try readName()
                guard transforms.isEmpty else { throw fail("a block takes no transform") }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    nodes.append(.blockDefinition(block, try parse(state.withSection(block, newLine: setNewLine))))
                } else {
                    guard whitespaceBefore.isEmpty else {
                        throw fail("an indented block is not supported: start {{$\(block)}} at the line's start")
                    }
                    if isStandalone(state) { setNewLine = true }
                    nodes.append(.block(block, default: try parse(state.withSection(block, newLine: setNewLine))))
                }
            case UInt8(ascii: "%"):
                position += 1
                try readPragma()
                setNewLine = isStandalone(state)
            case UInt8(ascii: "="):
                throw fail("changing the delimiters is not supported")
            default:
                flushWhitespace()
                let (tagName, transforms) = try readName()
                nodes.append(.variable(TemplateName(tagName, transforms: transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName { throw fail("{{\(open)}} is not closed") }
        return nodes
    }

    /// Text up to the next `{{` (read past it) or line break (not read), or the end.
    private mutating func readUntilTagOrNewline() -> [UInt8] {
        var text: [UInt8] = []
        while !atEnd {
            let byte = current
            if byte == Self.newline { break }
            if byte == Self.open, position + 1 < bytes.count, bytes[position + 1] == Self.open {
                position += 2
                break
            }
            text.append(byte)
            position += 1
        }
        return text
    }

    /// After a tag: the rest of the line is blank, so the tag stands alone (when it also began the line); the line
    /// is then read to its end, its line break included.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = position
        while probe < bytes.count, Self.isSpaceOrTab(bytes[probe]) { probe += 1 }
        guard probe < bytes.count, bytes[probe] == Self.newline else { return false }
        position = probe + 1
        return true
    }

    private mutating func expectClose(_ what: String) throws(TemplateSyntaxError) {
        guard position + 1 < bytes.count, current == Self.close, bytes[position + 1] == Self.close else {
            throw fail("\(what) is not closed by }}")
        }
        position += 2
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || [UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*")].contains(
                byte)
    }

    /// A name, with transforms: `name`, `count(name)`, `first(reversed(name))`.
    private mutating func readName() throws(TemplateSyntaxError) -> (String, [String]) {
        read(while: Self.isWhitespace)
        let text = String(
            decoding: read { Self.isNameByte($0) || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }, as: UTF8.self)
        read(while: Self.isWhitespace)
        try expectClose("the tag {{\(text)")
        guard text.contains("(") else { return (text, []) }
        var transforms: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "(") {
            transforms.append(String(rest[..<open]))
            rest = rest[rest.index(after: open)...]
        }
        let closing = rest.drop { $0 != ")" }
        let inner = String(rest.prefix { $0 != ")" })
        guard closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }) else {
            throw fail("'\(text)': each transform's ( needs its )")
        }
        for transform in transforms where !TemplateValue.transforms.contains(transform) {
            throw fail(
                "unknown transform '\(transform)': the templates may use "
                    + TemplateValue.transforms.sorted().joined(separator: ", "))
        }
        guard !inner.isEmpty else { throw fail("'\(text)': a transform needs a name to apply to") }
        return (inner, transforms)
    }

    private mutating func readPartialName() throws(TemplateSyntaxError) -> String {
        read(while: Self.isWhitespace)
        let text = String(decoding: read { Self.isNameByte($0) || $0 == UInt8(ascii: "/") }, as: UTF8.self)
        read(while: Self.isWhitespace)
        try expectClose("the partial {{> \(text)")
        guard !text.hasPrefix("*") else { throw fail("a dynamic partial ({{>*name}}) is not supported") }
        return text
    }

    private mutating func skipComment() throws(TemplateSyntaxError) {
        while position + 1 < bytes.count {
            if current == Self.close, bytes[position + 1] == Self.close {
                position += 2
                return
            }
            position += 1
        }
        throw fail("a comment is not closed by }}")
    }

    /// `{{% CONTENT_TYPE: CDOPHTML }}`: every page escapes HTML the same way, so the pragma only has to be right.
    private mutating func readPragma() throws(TemplateSyntaxError) {
        read(while: Self.isWhitespace)
        let variable = String(decoding: read(while: Self.isNameByte), as: UTF8.self)
        read(while: Self.isWhitespace)
        guard !atEnd, current == UInt8(ascii: ":") else { throw fail("a pragma reads {{% NAME: VALUE }}") }
        position += 1
        read(while: Self.isWhitespace)
        let value = String(decoding: read(while: Self.isNameByte), as: UTF8.self)
        read(while: Self.isWhitespace)
        try expectClose("the pragma")
        guard variable == "CONTENT_TYPE", value == HTMLEscaping.name else {
            throw fail("the only pragma is {{% CONTENT_TYPE: \(HTMLEscaping.name) }}")
        }
    }
}
