import Foundation
import Yams

/// Reads one YAML file into checked values, recording a problem (with its key path and line) for everything
/// that is missing, malformed or unknown, and carrying on so that one run names every problem.
final class YAMLReader {
    let file: String
    private(set) var problems: [DefinitionProblem] = []

    init(file: String) {
        self.file = file
    }

    func problem(_ keyPath: String, _ node: Node?, _ reason: String) {
        problems.append(DefinitionProblem(file: file, keyPath: keyPath, line: node?.mark?.line, reason: reason))
    }

    func problem(_ keyPath: String, line: Int?, _ reason: String) {
        problems.append(DefinitionProblem(file: file, keyPath: keyPath, line: line, reason: reason))
    }

    /// The document's root, or nil (with a problem) when the text is not YAML.
    func parse(_ text: String) -> Node? {
        do {
            guard let root = try Yams.compose(yaml: text) else {
                problem("", line: nil, "the file is empty")
                return nil
            }
            return root
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let reason, let mark, _), .parser(let context, let reason, let mark, _),
                .composer(let context, let reason, let mark, _):
                let around = context.map { " (\($0.text))" } ?? ""
                problem("", line: mark.line, "not valid YAML: \(reason)\(around)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
                problem("", line: context.mark.line, "a key is given twice in the same place: \(keys)")
            default:
                problem("", line: nil, "not valid YAML: \(error)")
            }
            return nil
        } catch {
            problem("", line: nil, "not valid YAML: \(error)")
            return nil
        }
    }

    /// A mapping's entries by key, after refusing keys outside `allowed` and reporting `required` ones missing.
    func mapping(_ node: Node?, at path: String, allowed: [String], required: [String] = []) -> Fields? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            problem(path, node, "expected keys and values (\(allowed.map { "'\($0)'" }.joined(separator: ", ")))")
            return nil
        }
        var fields = Fields(path: path, node: node)
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                problem(path, keyNode, "a key must be a plain word")
                continue
            }
            guard allowed.contains(key.string) else {
                problem(join(path, key.string), keyNode, Self.unknownKey(key.string, allowed: allowed))
                continue
            }
            fields.values[key.string] = value
        }
        for key in required where fields.values[key] == nil {
            problem(join(path, key), node, "'\(key)' is missing")
        }
        return fields
    }

    /// The entries of a mapping whose keys are data (such as years), in file order.
    func entries(_ node: Node?, at path: String, what: String) -> [(key: String, node: Node, value: Node)]? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            problem(path, node, "expected \(what)")
            return nil
        }
        var result: [(key: String, node: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                problem(path, keyNode, "a key must be a plain value")
                continue
            }
            result.append((key.string, keyNode, value))
        }
        return result
    }

    func sequence(_ node: Node?, at path: String, what: String) -> [Node]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            problem(
                path, node,
                "expected a list of \(what), e.g. [\(what.split(separator: " ").last ?? "")] or lines starting '- '")
            return nil
        }
        return Array(sequence)
    }

    func string(_ node: Node?, at path: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            problem(path, node, "expected a single value, not a list or keys")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            problem(path, node, "is empty")
            return nil
        }
        return text
    }

    func int(_ node: Node?, at path: String, atLeast minimum: Int) -> Int? {
        guard let text = string(node, at: path) else { return nil }
        guard let value = Int(text), value >= minimum else {
            problem(path, node, "'\(text)' is not a whole number of at least \(minimum)")
            return nil
        }
        return value
    }

    func bool(_ node: Node?, at path: String) -> Bool? {
        guard let text = string(node, at: path) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            problem(path, node, "'\(text)' is not true or false")
            return nil
        }
    }

    /// A kebab-case word: lower-case letters and digits, joined by single dashes ("form-b-chasing").
    func identifier(_ node: Node?, at path: String) -> String? {
        guard let text = string(node, at: path) else { return nil }
        guard Self.isKebabCase(text) else {
            problem(
                path, node, "'\(text)' must be lower-case letters and digits joined by dashes, e.g. 'form-b-chasing'")
            return nil
        }
        return text
    }

    /// One of a closed set of words, with the set named when it is not.
    func choice<T: RawRepresentable & CaseIterable>(
        _ node: Node?, at path: String, of type: T.Type, what: String
    ) -> T? where T.RawValue == String {
        guard let text = string(node, at: path) else { return nil }
        guard let value = T(rawValue: text) else {
            let known = T.allCases.map(\.rawValue)
            problem(
                path, node,
                "unknown \(what) '\(text)'\(Self.suggestion(text, among: known)); expected one of: "
                    + known.joined(separator: ", "))
            return nil
        }
        return value
    }

    static func isKebabCase(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-") && !text.contains("--")
            && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    static func unknownKey(_ key: String, allowed: [String]) -> String {
        "unknown key '\(key)'\(suggestion(key, among: allowed)); the keys here are: " + allowed.joined(separator: ", ")
    }

    /// " (did you mean 'template'?)" when a known word is one or two edits away.
    static func suggestion(_ text: String, among known: [String]) -> String {
        let best = known.map { ($0, editDistance(text.lowercased(), $0.lowercased())) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= 2, best.1 < text.count else { return "" }
        return " (did you mean '\(best.0)'?)"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// A mapping's known entries, with the key path they sit at.
struct Fields {
    let path: String
    let node: Node
    var values: [String: Node] = [:]

    subscript(key: String) -> Node? { values[key] }

    func path(_ key: String) -> String { join(path, key) }
}

/// "steps[2]" + "after" → "steps[2].after".
func join(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : path + "." + key
}

/// "steps" + 2 → "steps[2]".
func join(_ path: String, _ index: Int) -> String {
    path + "[\(index)]"
}
