import Foundation
import Mustache
import Synchronization

/// A page's view, read once by reflection and then looked up by name.
///
/// Mustache reads a plain struct through `Mirror`, building a new mirror for every `{{name}}` it looks up (and
/// again in each enclosing context when a name is not found there). A page with a few hundred rows did that
/// thousands of times. Wrapping the view builds one mirror per value instead; lookups are then dictionary reads.
/// Semantics are unchanged: stored properties only, and a nil optional is absent (so Mustache looks further up
/// the context stack, as it does with a mirror).
struct ReflectedView: MustacheParent {
    let children: [String: Any]

    func child(named name: String) -> Any? {
        children[name]
    }

    /// `value` with every view struct of this project inside it wrapped; other values are kept as they are.
    static func wrap(_ value: Any) -> Any? {
        switch value {
        case is any MustacheParent, is String, is Int, is Bool, is Double, is Substring:
            return value
        case let dictionary as [String: Any]:
            return dictionary.compactMapValues(wrap)
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { wrap($0.value) }
        case .collection, .set:
            return mirror.children.compactMap { wrap($0.value) }
        case .struct, .class:
            guard isOurs(type(of: value)) else { return value }
            var children: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let wrapped = wrap(child.value) else { continue }
                children[label] = wrapped
            }
            return ReflectedView(children: children)
        default:
            return value
        }
    }

    /// View types of this project (CDOPHTTP and the modules below it), not Foundation's or the standard library's.
    /// Decided once per type: spelling a type's name is dearer than reading a view's fields.
    private static func isOurs(_ type: Any.Type) -> Bool {
        let key = ObjectIdentifier(type)
        if let known = ourTypes.withLock({ $0[key] }) { return known }
        let ours = String(reflecting: type).hasPrefix("CDOP")
        ourTypes.withLock { $0[key] = ours }
        return ours
    }

    private static let ourTypes = Mutex<[ObjectIdentifier: Bool]>([:])
}
