/// A page's view as its templates read it: made once per page from the view's `Encodable` conformance (which the
/// compiler writes, so a view names its own fields and nothing is read by reflection), then looked up by name.
/// A nil optional is absent, so a lookup goes on up the context stack, as Mustache's does.
indirect enum TemplateValue: Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)
    /// A view that names its own fields (`TemplateFields`).
    case fields(any TemplateFields)

    /// The field `name` of an object; nil for anything else or a field not there.
    func child(_ name: String) -> TemplateValue? {
        switch self {
        case .object(let object): object.fields[name]
        case .fields(let view): view.templateField(name)
        default: nil
        }
    }

    /// The value with a transform applied (`{{count(list)}}`): nil when it does not apply.
    func transformed(_ name: String) -> TemplateValue? {
        switch (self, name) {
        case (.list(let items), "count"): .int(items.count)
        case (.list(let items), "empty"): .bool(items.isEmpty)
        case (.list(let items), "first"): items.first
        case (.list(let items), "last"): items.last
        case (.list(let items), "reversed"): .list(items.reversed())
        case (.object(let object), "count"): .int(object.fields.count)
        case (.object(let object), "empty"): .bool(object.fields.isEmpty)
        default: nil
        }
    }

    /// The transforms templates may use.
    static let transforms: Set<String> = ["count", "empty", "first", "last", "reversed"]
}

/// An object's fields by name (a struct's stored properties, or a dictionary's entries).
struct TemplateObject: Sendable {
    var fields: [String: TemplateValue]
}
