import CDOPDefinitions
import CDOPDomain
import CDOPTesting
import Foundation
import Testing

/// The definitions shipped in the repository (the folder holding `Workflows/`).
enum Shipped {
    static var folder: URL { BuiltProducts.packageRoot }

    static func load() throws -> DefinitionSet {
        switch DefinitionSet.load(from: folder) {
        case .success(let set): return set
        case .failure(let problems):
            Issue.record("the shipped definitions have problems:\n\(problems)")
            throw problems
        }
    }
}

/// A copy of the shipped `Workflows/` and `Forms/` in a temporary folder, to break on purpose.
final class BrokenCopy {
    let directory = TemporaryDirectory("cdop-definitions")

    init() throws {
        for folder in ["Workflows", "Forms"] {
            try FileManager.default.copyItem(
                at: Shipped.folder.appendingPathComponent(folder), to: directory.url.appendingPathComponent(folder))
        }
    }

    /// Replaces `old` (which must occur) by `new` in a file under `Forms/`.
    func replaceInForm(
        _ old: String, with new: String, in file: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let url = directory.url.appendingPathComponent("Forms").appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(file) does not contain \(old)", sourceLocation: sourceLocation)
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    /// The URL of a file under `Forms/`.
    func form(_ file: String) -> URL {
        directory.url.appendingPathComponent("Forms").appendingPathComponent(file)
    }

    /// The definitions, recording an issue when the copy does not load.
    func loaded(sourceLocation: SourceLocation = #_sourceLocation) -> DefinitionSet? {
        switch DefinitionSet.load(from: directory.url) {
        case .success(let set): return set
        case .failure(let problems):
            Issue.record("the copy did not load:\n\(problems)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// Replaces `old` (which must occur) by `new` in a file under `Workflows/`.
    func replace(_ old: String, with new: String, in file: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let url = directory.url.appendingPathComponent("Workflows").appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "\(file) does not contain \(old)", sourceLocation: sourceLocation)
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    func write(_ text: String, to file: String) throws {
        let url = directory.url.appendingPathComponent("Workflows").appendingPathComponent(file)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func remove(_ file: String) throws {
        try FileManager.default.removeItem(
            at: directory.url.appendingPathComponent("Workflows").appendingPathComponent(file))
    }

    /// The problems found; fails the test when the copy loads cleanly.
    func problems(sourceLocation: SourceLocation = #_sourceLocation) -> [DefinitionProblem] {
        switch DefinitionSet.load(from: directory.url) {
        case .success:
            Issue.record("the broken copy loaded without problems", sourceLocation: sourceLocation)
            return []
        case .failure(let problems):
            return problems.problems
        }
    }
}

extension [DefinitionProblem] {
    /// The one problem at `file` and `keyPath`, recording an issue when there is not exactly one.
    func one(
        _ file: String, _ keyPath: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> DefinitionProblem? {
        let matching = filter { $0.file == file && $0.keyPath == keyPath }
        guard matching.count == 1 else {
            let all = self.map { $0.description }.joined(separator: "\n")
            Issue.record(
                "expected one problem at \(file) \(keyPath), found \(matching.count) among:\n\(all)",
                sourceLocation: sourceLocation)
            return nil
        }
        return matching[0]
    }
}

extension CalendarDate {
    /// A date written in a test, e.g. `CalendarDate("2027-12-24")`.
    init(_ iso: String) {
        self.init(iso: iso)!
    }
}
