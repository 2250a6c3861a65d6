import Foundation
import Testing

@testable import CDOPDomain

@Suite("Golden events: stored shapes never change silently")
struct GoldenEventTests {
    @Test("Type names are unique, versioned and namespaced by aggregate")
    func typeNames() {
        #expect(Set(GoldenFile.allTypeNames).count == GoldenFile.allTypeNames.count)
        for name in GoldenFile.allTypeNames {
            #expect(name.hasSuffix(".v1"), "\(name)")
            #expect(
                name.hasPrefix("case.") || name.hasPrefix("meeting.") || name.hasPrefix("agency.")
                    || name.hasPrefix("user.") || name.hasPrefix("nationalReturn."), "\(name)")
        }
    }

    @Test("Every event type has a golden file, and every golden file names a known type")
    func everyTypeHasGolden() throws {
        let files = try GoldenFile.names(in: GoldenFile.bundled)
        for name in GoldenFile.allTypeNames { #expect(files.contains(name), "No golden file for \(name)") }
        for file in files {
            #expect(GoldenFile.allTypeNames.contains(file), "Golden file \(file).json names no known event type")
        }
    }

    @Test("Every golden file decodes and re-encodes to the same bytes", arguments: GoldenFile.allTypeNames)
    func reencodes(_ name: String) throws {
        let url = GoldenFile.bundled.appendingPathComponent(name + ".json")
        let text = try String(contentsOf: url, encoding: .utf8)
        let stored = try GoldenFile.parse(text)
        #expect(stored.type == name)
        #expect(GoldenFile.text(try GoldenFile.roundTrip(stored)) == text)
    }

    @Test(
        "Events stored in an earlier shape of their type (before an optional field was added) still decode, unchanged")
    func olderShapesStillDecode() throws {
        let names = try GoldenFile.names(in: GoldenFile.older)
        #expect(names.contains("user.accessRefused.v1"), "the refusal from before it named its case")
        for name in names {
            let text = try String(contentsOf: GoldenFile.older.appendingPathComponent(name + ".json"), encoding: .utf8)
            let stored = try GoldenFile.parse(text)
            #expect(GoldenFile.allTypeNames.contains(stored.type), "\(name)")
            #expect(
                GoldenFile.text(try GoldenFile.roundTrip(stored)) == text, "\(name) no longer reads as it was stored")
        }
        let old = try GoldenFile.parse(
            try String(
                contentsOf: GoldenFile.older.appendingPathComponent("user.accessRefused.v1.json"), encoding: .utf8))
        guard case .accessRefused(let refused) = try EventCodec.decode(old, as: UserEvent.self) else {
            Issue.record("not a refusal")
            return
        }
        #expect(refused.resource == "GET /admin/users" && refused.caseID == nil && refused.meetingID == nil)
    }

    @Test("Events the deciders produce today encode exactly as their golden files")
    func examplesMatchGolden() throws {
        let examples = try GoldenExamples.all()
        #expect(
            Set(examples.keys) == Set(GoldenFile.allTypeNames),
            "Examples missing for \(Set(GoldenFile.allTypeNames).subtracting(examples.keys))")
        if ProcessInfo.processInfo.environment["CDOP_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: GoldenFile.source, withIntermediateDirectories: true)
            for (name, encoded) in examples {
                try GoldenFile.text(encoded).write(
                    to: GoldenFile.source.appendingPathComponent(name + ".json"), atomically: true, encoding: .utf8)
            }
        }
        for (name, encoded) in examples {
            let url = GoldenFile.bundled.appendingPathComponent(name + ".json")
            let golden = try? String(contentsOf: url, encoding: .utf8)
            #expect(golden == GoldenFile.text(encoded), "\(name) encodes differently from its golden file")
        }
    }
}
