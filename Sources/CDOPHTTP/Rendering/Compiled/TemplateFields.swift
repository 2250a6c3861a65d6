import Mustache

/// A view that names its own fields for the templates, looked up when a template asks for one instead of being
/// encoded whole: the form pages' fields, options, rows and sections, of which a page holds hundreds.
protocol TemplateFields: Sendable {
    func templateField(_ name: String) -> TemplateValue?
}

extension TemplateValue {
    static func text(_ value: String?) -> TemplateValue? { value.map(TemplateValue.string) }
    static func number(_ value: Int?) -> TemplateValue? { value.map(TemplateValue.int) }
    static func texts(_ values: [String]) -> TemplateValue { .list(values.map(TemplateValue.string)) }
    static func views(_ values: [some TemplateFields]) -> TemplateValue { .list(values.map { .fields($0) }) }

    /// The value as swift-mustache reads it (for the debug build's parity check).
    var mustacheValue: Any {
        switch self {
        case .string(let text): text
        case .int(let number): number
        case .double(let number): number
        case .bool(let flag): flag
        case .list(let items): items.map(\.mustacheValue)
        case .object(let object): object.fields.mapValues(\.mustacheValue)
        case .fields(let view): MustacheFields(view: view)
        }
    }
}

/// A `TemplateFields` view as swift-mustache looks into it.
struct MustacheFields: MustacheParent {
    let view: any TemplateFields

    func child(named name: String) -> Any? { view.templateField(name)?.mustacheValue }
}

extension TemplateFields {
    /// swift-mustache reads the same fields (the debug build's parity check).
    func child(named name: String) -> Any? { templateField(name)?.mustacheValue }
}
