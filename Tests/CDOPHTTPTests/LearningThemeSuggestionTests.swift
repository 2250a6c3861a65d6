import CDOPApp
import CDOPDomain
import CDOPHTTP
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The analysis form offers the panel's list of learning themes as the panel types (no JavaScript).
@Suite("Learning themes offered as the panel types")
struct LearningThemeSuggestionTests {
    @Test("The theme field offers the panel's themes and still takes free text")
    func theThemeFieldOffersThePanelsThemesAndStillTakesFreeText() async throws {
        var fixture = try await WebFixture()
        let (caseID, _) = try fixture.caseListedForPanel(in: "NTH")
        let panel = fixture.usernames[.panelMember]!
        try await fixture.browse(as: .panelMember) { browser, _ in
            let html = String(buffer: try await browser.get("/panel/cases/\(caseID)").body)
            #expect(
                html.contains("<datalist id=") && html.contains(#"<option value="Safe sleep"></option>"#),
                "the list is offered")
            #expect(html.contains(#"list=""#) && html.contains(#"-suggestions""#), "the theme's input names its list")
        }
        let themes = fixture.services.definitions.learningThemes
        #expect(themes.configured.contains("Safe sleep"))
    }
}
