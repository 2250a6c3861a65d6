import CDOPApp
import CDOPDomain
import CDOPHTTP
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The case page's timeline pages back through a long history instead of leaving it to the command line.
@Suite("Paging back through a case's timeline")
struct CaseTimelinePageTests {
    @Test("A page of earlier entries links back to the latest, and the latest page shows no such line")
    func aPageOfEarlierEntriesLinksBackToTheLatest() async throws {
        var fixture = try await WebFixture()
        let caseID = try fixture.notifiedCase(in: "NTH")
        let coordinator = Actor(name: "casey.coordinator", role: "coordinator")
        for reference in ["A-1", "A-2", "A-3"] {
            try await fixture.engine.workflow.execute(
                .recordExternalReference(reference: reference, source: "earlier records"), on: caseID,
                by: coordinator)
        }
        let version = try fixture.engine.store.streamVersion(of: caseID.streamID)
        try await fixture.browse(as: .coordinator) { browser, _ in
            let latest = String(buffer: try await browser.get("/cases/\(caseID)").body)
            #expect(!latest.contains("not shown here"), "every entry fits on the page")
            let earlier = String(buffer: try await browser.get("/cases/\(caseID)?before=\(version)").body)
            #expect(earlier.contains("1 later entry is not shown here."), "\(earlier)")
            #expect(earlier.contains(#"<a href="/cases/\#(caseID)#timeline">Show the latest entries</a>"#))
            let timeline = earlier.components(separatedBy: #"id="timeline""#).last ?? ""
            #expect(!timeline.contains("A-3") && timeline.contains("A-2"), "the last entry is left for the latest page")
            let bad = try await browser.get("/cases/\(caseID)?before=zero")
            #expect(bad.status == .ok, "a page number that is not one shows the latest entries")
        }
    }
}
