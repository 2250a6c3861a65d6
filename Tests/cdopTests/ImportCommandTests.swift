import CDOPTesting
import Foundation
import Testing

/// `cdop import` through the built binary: every problem at once, and the old reference as a CASE.
struct ImportCommandTests {
    static let heading = "reference,surname,forenames,date_of_birth,sex,area_code,date_of_death,date_notified,expected"

    @Test("Format and rule problems of different rows are reported together, in row order, and nothing is imported")
    func everyProblemAtOnce() async throws {
        let cli = CLI()
        let path = cli.write(
            "history.csv",
            [
                Self.heading,
                "B11-001,Testchild,Alex,2010-01-01,male,NTH,2015-13-01,2015-02-01,expected",
                "B11-002,Example,Sam,2011-01-01,female,EST,2016-03-09,2016-03-01,expected",
                "B11-003,Sample,Jo,2012-01-01,female,EST,2017-03-01,2017-03-02,expected",
            ].joined(separator: "\n"))
        let refused = try await cli.run("import", path)
        #expect(refused.status == 1 && refused.error.contains("[import.invalidRows]"), "\(refused)")
        let first = try #require(refused.error.range(of: "Row 2, column date_of_death"), "\(refused)")
        let second = try #require(refused.error.range(of: "Row 3, column date_notified"), "\(refused)")
        #expect(first.lowerBound < second.lowerBound)
        #expect(!refused.error.contains("Row 4"))
        let status = try await cli.run("status", "--json")
        #expect((status.object?["events"] as? Int) == 0, "\(status)")
    }

    @Test("An imported case is found by its reference in the earlier records: cdop case show B11-001")
    func caseShowByOldReference() async throws {
        let cli = CLI()
        let path = cli.write(
            "history.csv",
            [
                Self.heading, "B11-001,Testchild,Alex,2010-01-01,male,NTH,2015-01-01,2015-01-02,expected",
            ].joined(separator: "\n"))
        let imported = try await cli.run("import", path)
        #expect(imported.status == 0, "\(imported)")
        let shown = try await cli.run("case", "show", "B11-001")
        #expect(shown.status == 0 && shown.output.contains("known as B11-001 in earlier records"), "\(shown)")
        let json = try await cli.json("case", "show", "b11-001")
        #expect(json["externalReference"] as? String == "B11-001")
        let unknown = try await cli.run("case", "show", "B11-002")
        #expect(unknown.status == 1 && unknown.error.contains("[command.notFound]"), "\(unknown)")
    }
}
