import Foundation

/// One thing wrong in a definition file: which file, where in it, and why, in words a panel's coordinator
/// can act on.
package struct DefinitionProblem: Hashable, Sendable, CustomStringConvertible {
    /// The file's path relative to the definitions folder, e.g. "Workflows/form-b-chasing.yaml".
    package var file: String
    /// Where in the file, e.g. "steps[2].after" (list positions count from 0); empty for the whole file.
    package var keyPath: String
    /// The line in the file (from 1), when known.
    package var line: Int?
    /// Why it is refused, e.g. "'10 days' does not say which days: write '10 calendar-days' or '10 working-days'".
    package var reason: String

    package init(file: String, keyPath: String, line: Int? = nil, reason: String) {
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.reason = reason
    }

    /// "Workflows/form-b-chasing.yaml:14: steps[2].after: …", the form compilers use, so editors can jump to it.
    package var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if !keyPath.isEmpty { text += keyPath + ": " }
        return text + reason
    }
}

/// Every problem found in a definitions folder (never just the first).
package struct DefinitionProblems: Error, Hashable, Sendable, CustomStringConvertible {
    package var problems: [DefinitionProblem]

    package init(_ problems: [DefinitionProblem]) {
        self.problems = problems
    }

    package var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "The definitions have \(count):\n" + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}

/// Collects problems while a folder is read.
struct ProblemLog {
    private(set) var problems: [DefinitionProblem] = []

    mutating func add(_ file: String, _ keyPath: String, line: Int? = nil, _ reason: String) {
        problems.append(DefinitionProblem(file: file, keyPath: keyPath, line: line, reason: reason))
    }

    var isEmpty: Bool { problems.isEmpty }
}
