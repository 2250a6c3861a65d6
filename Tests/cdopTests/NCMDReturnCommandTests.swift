import CDOPTesting
import Foundation
import GRDB
import Testing

@Suite("cdop ncmd return: the annual national return of the demo panel")
struct NCMDReturnCommandTests {
    /// The reporting years the demo's fourteen months of deaths fall in (each starting 1 April).
    static var demoYears: ClosedRange<Int> {
        let today = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "Europe/London")!, from: Date())
        let current = today.month! >= 4 ? today.year! : today.year! - 1
        return (current - 2)...current
    }

    @Test(
        "Each year's return holds a document valid against the schema for every ready case, and leaves out every other case saying why"
    )
    func demoReturns() async throws {
        let cli = CLI()
        let demo = try await cli.loadDemo()
        try #require(demo.status == 0, "\(demo)")
        let out = cli.folder.path("returns")
        let schema = BuiltProducts.packageRoot.appendingPathComponent("Schemas/ncmd-case-document.schema.json").path
        let validator = BuiltProducts.packageRoot.appendingPathComponent("Tests/Support/ncmd/validate_return.py").path
        var statuses: [String: Int] = [:]
        var kinds: Set<String> = []
        var notInReturn = 0
        for year in Self.demoYears {
            let readiness = try await cli.json("ncmd", "readiness", "--year", "\(year)")
            let summary = try await cli.json("ncmd", "return", "--year", "\(year)", "--out", out)
            let folder = try #require(summary["folder"] as? String, "\(summary)")
            let check = try await SystemTool.run("python3", [validator, schema, folder])
            #expect(check.status == 0, "year \(year): \(check.output)\(check.error)")

            // The cases not ready are left out with their reasons; merged, transferred and out-of-scope cases too.
            let notReady = try #require(readiness["cases"] as? [[String: Any]])
            let leftOut = try #require(summary["leftOut"] as? [[String: Any]])
            let reasonsByCase = Dictionary(
                uniqueKeysWithValues: notReady.map {
                    ($0["reference"] as? String ?? "", (($0["reasons"] as? [[String: Any]]) ?? []).count)
                })
            let leftOutNotReady = Dictionary(
                uniqueKeysWithValues: leftOut.filter { $0["kind"] as? String == "notReady" }.map {
                    ($0["caseReference"] as? String ?? "", ($0["why"] as? [String] ?? []).count)
                })
            #expect(leftOutNotReady == reasonsByCase, "year \(year)")
            notInReturn += leftOut.filter { $0["kind"] as? String == "notInReturn" }.count
            for item in notReady {
                for reason in item["reasons"] as? [[String: Any]] ?? [] {
                    kinds.insert(reason["kind"] as? String ?? "")
                }
            }

            // One document per case in the return, named by its key, holding the parts the rule asks for.
            let documents =
                (try? FileManager.default.contentsOfDirectory(atPath: folder + "/cases"))?.sorted() ?? []
            #expect(documents.count == summary["included"] as? Int, "year \(year)")
            for name in documents {
                let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/cases/" + name))
                let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                let forms = try #require(document["forms"] as? [[String: Any]]).map { $0["nationalForm"] as? String }
                let status = document["status"] as? String ?? ""
                statuses[status, default: 0] += 1
                #expect(name == "\(document["nationalCaseKey"] as? String ?? "").json")
                #expect(forms.first == "notification")
                if status == "reviewed" {
                    #expect(forms.last == "analysis" && forms.count >= 3, "\(name): \(forms)")
                } else {
                    #expect(forms == ["notification"], "\(name): \(forms)")
                }
            }

            // Made again from the same cases: the same files, and nothing new recorded.
            let again = try await cli.json("ncmd", "return", "--year", "\(year)", "--out", out)
            #expect(again["manifestHash"] as? String == summary["manifestHash"] as? String)
        }
        // The demo has cases at every state the rules can reach (a reviewed case cannot have a form outstanding:
        // the panel's outcome waits for every request to be answered).
        #expect(statuses["reviewed", default: 0] > 0 && statuses["open", default: 0] > 0, "\(statuses)")
        #expect(notInReturn > 0)
        #expect(
            kinds.isSuperset(of: [
                "notificationNotFinalised", "formNotFinalised", "outcomeNotFinalised", "outcomeNotRecorded",
                "requiredItemEmpty",
            ]), "\(kinds)")

        let recorded = try DatabaseQueue(path: cli.database).read { db in
            try Row.fetchAll(
                db, sql: "SELECT stream_id, data, metadata FROM events WHERE type = 'nationalReturn.produced.v1'")
        }
        #expect(recorded.count == Self.demoYears.count, "each year's return recorded once")
        for row in recorded {
            let data: String = row["data"]
            let metadata: String = row["metadata"]
            #expect(data.contains("\"manifestHash\""))
            #expect(metadata.contains(cli.actor), "who made it: \(metadata)")
        }
    }

    @Test("A year out of range, or an empty folder name, is refused naming the option")
    func refusesBadOptions() async throws {
        let cli = CLI()
        let year = try await cli.run("ncmd", "return", "--year", "1066")
        #expect(year.status != 0 && year.error.contains("--year"), "\(year)")
        let folder = try await cli.run("ncmd", "return", "--year", "2025", "--out", " ")
        #expect(folder.status != 0 && folder.error.contains("--out"), "\(folder)")
    }
}
