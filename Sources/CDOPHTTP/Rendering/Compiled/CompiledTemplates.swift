import Foundation

/// The page templates, compiled once (`TemplateParser`) and rendered straight into bytes: names are looked up in
/// the view's `TemplateValue`, text is copied as it was read, and escaping writes its entities in place.
struct CompiledTemplates: Sendable {
    let templates: [String: [TemplateNode]]

    /// Compiles every `.mustache` file in `folder`, naming the first that cannot be compiled and why.
    static func load(folder: URL) throws -> CompiledTemplates {
        var templates: [String: [TemplateNode]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            templates[name] = try TemplateParser.compile(text, name: name)
        }
        for (name, nodes) in templates {
            for missing in Self.references(nodes).subtracting(templates.keys) {
                throw TemplateSyntaxError(
                    template: name, line: 1, reason: "it uses {{> \(missing)}}, which is not a template")
            }
        }
        return CompiledTemplates(templates: templates)
    }

    /// The templates `nodes` include as partials or parents.
    private static func references(_ nodes: [TemplateNode]) -> Set<String> {
        var names: Set<String> = []
        for node in nodes {
            switch node {
            case .partial(let name): names.insert(name)
            case .parent(let name, let blocks):
                names.insert(name)
                for block in blocks.values { names.formUnion(references(block)) }
            case .section(_, let inner, _), .block(_, let inner), .blockDefinition(_, let inner):
                names.formUnion(references(inner))
            case .text, .variable: break
            }
        }
        return names
    }

    /// The template `name` rendered with `root` as its context; nil when there is no such template.
    func render(_ name: String, root: TemplateValue) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var rendering = TemplateRendering(templates: templates)
        var stack = [root]
        rendering.render(nodes, stack: &stack, inherited: [:])
        return rendering.output
    }
}

/// One rendering: the output so far.
private struct TemplateRendering {
    let templates: [String: [TemplateNode]]
    var output: [UInt8] = []

    init(templates: [String: [TemplateNode]]) {
        self.templates = templates
        output.reserveCapacity(32_768)
    }

    mutating func render(_ nodes: [TemplateNode], stack: inout [TemplateValue], inherited: [String: [TemplateNode]]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                guard let value = Self.lookup(name, in: stack) else { continue }
                write(value, escaped: escaped)
            case .section(let name, let inner, let inverted):
                let value = Self.lookup(name, in: stack)
                if inverted {
                    renderInverted(value, inner, stack: &stack, inherited: inherited)
                } else {
                    renderSection(value, inner, stack: &stack, inherited: inherited)
                }
            case .partial(let name):
                if let partial = templates[name] { render(partial, stack: &stack, inherited: inherited) }
            case .parent(let name, let blocks):
                // A block given further out wins over one given here.
                let merged = inherited.merging(blocks) { outer, _ in outer }
                if let parent = templates[name] { render(parent, stack: &stack, inherited: merged) }
            case .block(let name, let fallback):
                render(inherited[name] ?? fallback, stack: &stack, inherited: inherited)
            case .blockDefinition:
                break
            }
        }
    }

    private mutating func renderSection(
        _ value: TemplateValue?, _ inner: [TemplateNode], stack: inout [TemplateValue],
        inherited: [String: [TemplateNode]]
    ) {
        switch value {
        case .list(let items)?:
            for item in items {
                stack.append(item)
                render(inner, stack: &stack, inherited: inherited)
                stack.removeLast()
            }
        case .bool(let flag)?:
            if flag { render(inner, stack: &stack, inherited: inherited) }
        case let value?:
            stack.append(value)
            render(inner, stack: &stack, inherited: inherited)
            stack.removeLast()
        case nil:
            break
        }
    }

    private mutating func renderInverted(
        _ value: TemplateValue?, _ inner: [TemplateNode], stack: inout [TemplateValue],
        inherited: [String: [TemplateNode]]
    ) {
        switch value {
        case .list(let items)? where items.isEmpty:
            stack.append(.list(items))
            render(inner, stack: &stack, inherited: inherited)
            stack.removeLast()
        case .bool(false)?, nil:
            render(inner, stack: &stack, inherited: inherited)
        default:
            break
        }
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let text):
            if escaped { HTMLEscaping.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .int(let number): output.append(contentsOf: String(number).utf8)
        case .double(let number): output.append(contentsOf: String(describing: number).utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .object, .fields: break
        }
    }

    /// `name` in the context stack: `.` is the innermost value; `.a` is looked up in it alone; `a.b` finds `a` in
    /// the innermost value that has it, then `b` in `a` (not further out). Transforms apply innermost first.
    static func lookup(_ name: TemplateName, in stack: [TemplateValue]) -> TemplateValue? {
        var found: TemplateValue?
        if name.parts.isEmpty {
            found = stack.last
        } else if name.anchored {
            found = stack.last.flatMap { descend($0, name.parts[...]) }
        } else {
            for frame in stack.reversed() {
                if let first = frame.child(name.parts[0]) {
                    found = descend(first, name.parts.dropFirst())
                    break
                }
            }
        }
        guard var value = found else { return nil }
        for transform in name.transforms.reversed() {
            guard let transformed = value.transformed(transform) else { return nil }
            value = transformed
        }
        return value
    }

    private static func descend(_ value: TemplateValue, _ parts: ArraySlice<String>) -> TemplateValue? {
        var value = value
        for part in parts {
            guard let child = value.child(part) else { return nil }
            value = child
        }
        return value
    }
}
