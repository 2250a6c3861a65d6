import CDOPTesting
import Foundation
import Testing

@Suite("Timers from the command line")
struct TimerCommandTests {
    @Test(
        "A Form B request starts its chasing schedule; cdop timers lists it with time left; cdop tick fires what is due, once"
    )
    func timersAndTick() async throws {
        let cli = CLI()
        let reference = try await cli.exampleCaseWithFormBRequested().reference

        let listed = try await cli.run("timers", "--case", reference, "--json")
        #expect(listed.status == 0)
        let timers = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        let steps = Set(
            timers.filter { ($0["schedule"] as? String) == "form-b-chasing v1" }.compactMap { $0["step"] as? String })
        #expect(steps.contains("reminder") && steps.contains("escalate-to-coordinator"), "\(steps)")
        #expect(
            timers.allSatisfy {
                ($0["remaining"] as? String)?.hasSuffix("left") == true || ($0["state"] as? String) == "paused"
            })

        let text = try await cli.run("timers", "--case", reference)
        #expect(text.output.contains("form-b-chasing v1") && text.output.contains("left"))

        // Forty days on, every Form B step is due: a tick fires them, a second tick fires nothing.
        let later = ISO8601DateFormatter().string(from: Date().addingTimeInterval(40 * 86_400))
        let tick = try await cli.json("tick", "--now", later)
        let fired = try #require(tick["fired"] as? [[String: Any]])
        #expect(
            Set(fired.compactMap { $0["step"] as? String }).isSuperset(of: [
                "reminder", "final-reminder", "escalate-to-coordinator",
            ]))
        let again = try await cli.json("tick", "--now", later)
        #expect((again["fired"] as? [Any])?.isEmpty == true)
        let overdue = try await cli.run("timers", "--overdue", "--json")
        #expect(overdue.output.contains("form-b-chasing") == false, "\(overdue)")
    }

    @Test("check-definitions names the file, line, key and reason of each problem and exits 1")
    func checkDefinitionsNamesProblems() async throws {
        let cli = CLI()
        let good = try await cli.run("check-definitions", "--definitions", BuiltProducts.packageRoot.path)
        #expect(good.status == 0 && good.output.contains("form-b-chasing v1"))
        let broken = TemporaryDirectory("cdop-broken-definitions")
        try FileManager.default.copyItem(
            at: BuiltProducts.packageRoot.appendingPathComponent("Workflows"),
            to: broken.url.appendingPathComponent("Workflows"))
        let file = broken.url.appendingPathComponent("Workflows/form-b-chasing.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "10 calendar-days", with: "10 days")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let bad = try await cli.run("check-definitions", "--definitions", broken.url.path)
        #expect(bad.status == 1)
        #expect(bad.error.contains("Workflows/form-b-chasing.yaml") && bad.error.contains("after"), "\(bad)")
        // Other commands refuse to run on broken definitions rather than record requests nobody chases.
        let refused = try await cli.run(
            ["notify", Fixture.path("notification.example.json")], environment: ["CDOP_DEFINITIONS": broken.url.path])
        #expect(refused.status == 1)
        #expect(
            refused.error.contains("[definitions.invalid]") && refused.error.contains("form-b-chasing.yaml"),
            "\(refused)")
    }
}
