import CDOPTesting
import Foundation
import Testing

/// The built `cdop` binary on a database of its own, in a temporary folder of its own (tests run in parallel).
struct CLI {
    /// What one run printed, and how it ended.
    struct Run: CustomStringConvertible {
        var arguments: [String]
        var status: Int32
        var output: String
        var error: String

        /// Standard output as a JSON object (nil when it is not one).
        var object: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(output.utf8))) as? [String: Any]
        }

        /// Standard output as a JSON list (nil when it is not one).
        var list: [[String: Any]]? {
            (try? JSONSerialization.jsonObject(with: Data(output.utf8))) as? [[String: Any]]
        }

        /// A string field of the JSON object.
        func field(_ name: String) -> String? { object?[name] as? String }

        var description: String {
            "cdop \(arguments.joined(separator: " ")) → \(status)\nstdout: \(output)\nstderr: \(error)"
        }
    }

    let folder = TemporaryDirectory("cdop-cli")
    /// Who acts, given with --as on every run.
    let actor: String

    init(actor: String = "coord.jones") {
        self.actor = actor
    }

    var database: String { folder.path("cdop.sqlite") }

    /// Runs `cdop ARGUMENTS --db … --as …`, waiting for it to end.
    @discardableResult
    func run(_ arguments: String...) async throws -> Run {
        try await run(arguments)
    }

    @discardableResult
    func run(
        _ arguments: [String], environment extra: [String: String?] = [:], database: String? = nil,
        timeout: Duration = .seconds(240)
    ) async throws -> Run {
        let all = arguments + ["--db", database ?? self.database, "--as", actor]
        var environment: [String: String?] = [
            "CDOP_DB": nil, "CDOP_USER": nil, "CDOP_PANEL_AREAS": nil, "CDOP_PANEL_NAME": nil,
            "CDOP_DEFINITIONS": BuiltProducts.packageRoot.path,
        ]
        environment.merge(extra) { $1 }
        let process = try ChildProcess(
            BuiltProducts.executable("cdop"), all, environment: environment, workingDirectory: folder.url)
        let status = await process.waitForExit(timeout: timeout)
        return Run(arguments: arguments, status: status, output: process.standardOutput, error: process.standardError)
    }

    /// Runs a command that must succeed with --json, and returns its JSON object.
    @discardableResult
    func json(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String: Any] {
        let run = try await run(arguments + ["--json"])
        #expect(run.status == 0, "\(run)", sourceLocation: sourceLocation)
        let object = try #require(run.object, "not a JSON object: \(run)", sourceLocation: sourceLocation)
        return object
    }

    /// Writes a file into the folder and returns its path.
    func write(_ name: String, _ text: String) -> String {
        let path = folder.path(name)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }
}

/// The fixtures shipped with the tests.
enum Fixture {
    static func path(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// The example notification as a mutable JSON object.
    static func notification() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path("notification.example.json")))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The example notification with one nested field replaced, e.g. ["child", "dateOfBirth"].
    static func notification(setting keyPath: [String], to value: Any) throws -> String {
        var object = try notification()
        set(&object, keyPath[...], value)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    private static func set(_ object: inout [String: Any], _ path: ArraySlice<String>, _ value: Any) {
        guard let key = path.first else { return }
        if path.count == 1 {
            object[key] = value
        } else {
            var inner = object[key] as? [String: Any] ?? [:]
            set(&inner, path.dropFirst(), value)
            object[key] = inner
        }
    }
}

/// Days from today, as YYYY-MM-DD (UTC), for due dates that must not be in the past.
func daysFromToday(_ days: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let day = calendar.date(byAdding: .day, value: days, to: Date())!
    let parts = calendar.dateComponents([.year, .month, .day], from: day)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
}
