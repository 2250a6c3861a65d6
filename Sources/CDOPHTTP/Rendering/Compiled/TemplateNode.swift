/// A template compiled once at start-up: text as UTF-8 bytes, and tags resolved to what they do.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}`, `{{&name}}` (as it is).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{> name}}`.
    case partial(String)
    /// `{{< name}}{{$block}}…{{/block}}{{/name}}`: the template `name` with these blocks.
    case parent(String, blocks: [String: [TemplateNode]])
    /// `{{$name}}…{{/name}}` in a template: the block a child gives, else this default.
    case block(String, default: [TemplateNode])
    /// A block a child defines, inside `{{< parent}}` only.
    case blockDefinition(String, [TemplateNode])
}

/// A tag's name: `.` (the current value), `a.b.c` (the first part found up the context stack, the rest below it),
/// or `.a` (in the current value only); with transforms, as in `count(list)`, applied innermost first.
struct TemplateName: Sendable, Equatable {
    var parts: [String]
    var anchored: Bool
    var transforms: [String]

    init(_ text: String, transforms: [String] = []) {
        self.transforms = transforms
        if text == "." {
            parts = []
            anchored = true
        } else {
            anchored = text.hasPrefix(".")
            parts = text.split(separator: ".").map(String.init)
        }
    }
}
