import Foundation

/// A settings file in environment-file form (`NAME=value` lines, `#` comments, optional quotes), the form
/// systemd's `EnvironmentFile=` reads, so one file serves both. Pure: the text is handed in.
package struct ConfigurationFile: Sendable, Equatable {
    package var values: [String: String]
    package var problems: [ConfigurationError.Problem]

    /// Parses `text` read from `path`; each malformed line or unknown name is a problem naming the line.
    package init(text: String, path: String, knownNames: Set<String>) {
        values = [:]
        problems = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            let place = "\(path) line \(index + 1)"
            guard let equals = line.firstIndex(of: "=") else {
                problems.append(.init(place, "expected NAME=value"))
                continue
            }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            guard knownNames.contains(name) else {
                problems.append(.init(place, "\(name) is not a cdop setting (see Deploy/cdop.env.example)"))
                continue
            }
            values[name] = value
        }
    }
}
