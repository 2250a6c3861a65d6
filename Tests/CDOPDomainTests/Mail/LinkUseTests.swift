import Foundation
import Testing

@testable import CDOPDomain

@Suite("Whether a practitioner's link may be used")
struct LinkUseTests {
    static let first = String(repeating: "ab", count: 32)
    static let second = String(repeating: "cd", count: 32)
    static let expiry = Sample.now.addingTimeInterval(60 * 86_400)

    static func issue(_ hash: String = first, request: FormRequestID = Sample.request1) -> CaseCommand {
        .issuePractitionerLink(requestID: request, tokenHash: hash, expiresAt: expiry)
    }

    /// The GP asked for Form B with one link issued, then `commands`.
    static func state(after commands: [CaseCommand] = []) throws -> CaseState {
        CaseDecider.fold(try history(CaseDecider.self, [issue()] + commands, from: try Story.gpRequested()))
    }

    @Test("The latest link of an outstanding request is usable until it expires")
    func usable() throws {
        let state = try Self.state()
        #expect(state.linkUse(tokenHash: Self.first, now: Sample.now).request?.id == Sample.request1)
        #expect(state.linkUse(tokenHash: Self.first, now: Self.expiry.addingTimeInterval(-1)).request != nil)
    }

    @Test("A token no link was issued for is unknown")
    func unknown() throws {
        let use = try Self.state().linkUse(tokenHash: Self.second, now: Sample.now)
        #expect(use == .refused(.unknown))
        #expect(use.request == nil)
    }

    @Test("A link is refused from the moment it expires, and the practitioner is told to ask for a new one")
    func expired() throws {
        let use = try Self.state().linkUse(tokenHash: Self.first, now: Self.expiry)
        #expect(use == .refused(.expired(at: Self.expiry)))
        #expect(
            LinkRefusal.expired(at: Self.expiry).message
                == "This link has expired. Contact the CDOP coordinator for a new one.")
    }

    @Test("An earlier link of a request is superseded by a later one; links of other requests are not")
    func superseded() throws {
        let state = try Self.state(after: [
            Self.issue(Self.second),
            Sample.requestForm(Sample.request2, type: .sudiSudc),
            Self.issue(String(repeating: "ef", count: 32), request: Sample.request2),
        ])
        #expect(state.linkUse(tokenHash: Self.first, now: Sample.now) == .refused(.superseded))
        #expect(state.linkUse(tokenHash: Self.second, now: Sample.now).request?.id == Sample.request1)
        #expect(
            state.linkUse(tokenHash: String(repeating: "ef", count: 32), now: Sample.now).request?.id == Sample.request2
        )
    }

    @Test("A link to a returned or declined form is refused as already returned, even when also superseded")
    func returned() throws {
        let returned = try Self.state(after: [Self.issue(Self.second), Sample.returnForm])
        #expect(returned.linkUse(tokenHash: Self.first, now: Sample.now) == .refused(.returned))
        #expect(returned.linkUse(tokenHash: Self.second, now: Sample.now) == .refused(.returned))
        let declined = try Self.state(after: [.recordNoInformationHeld(requestID: Sample.request1, declaredBy: "GP")])
        #expect(declined.linkUse(tokenHash: Self.first, now: Sample.now) == .refused(.returned))
        #expect(LinkRefusal.returned.message.hasPrefix("This form has already been returned."))
    }

    @Test("A link to a withdrawn or waived request is refused as withdrawn")
    func withdrawn() throws {
        let withdrawn = try Self.state(after: [
            .withdrawFormRequest(requestID: Sample.request1, reason: "Wrong practice")
        ])
        #expect(withdrawn.linkUse(tokenHash: Self.first, now: Sample.now) == .refused(.withdrawn))
        let waived = try Self.state(after: [.waiveFormRequest(requestID: Sample.request1, reason: "Practice closed")])
        #expect(waived.linkUse(tokenHash: Self.first, now: Sample.now) == .refused(.withdrawn))
        #expect(LinkRefusal.withdrawn.message.hasPrefix("This form is no longer needed."))
    }

    @Test("A link on a case closed, transferred or out of scope is refused as closed")
    func caseClosed() throws {
        let transferred = try Self.state(after: [.transfer(toPanel: "Farshire CDOP", reason: "Lived there")])
        #expect(transferred.linkUse(tokenHash: Self.first, now: Sample.now) == .refused(.caseClosed))
        let outOfScope = try Self.state(after: [.recordOutOfScope(reason: .other, detail: "Notified in error")])
        #expect(outOfScope.linkUse(tokenHash: Self.first, now: Sample.now) == .refused(.caseClosed))
        var closed = try Self.state()
        closed.closedAt = Sample.now
        #expect(closed.linkUse(tokenHash: Self.first, now: Sample.now) == .refused(.caseClosed))
    }

    @Test("Every refusal has its own code and a message that sends the practitioner to the coordinator")
    func messages() {
        let all: [LinkRefusal] = [.unknown, .expired(at: Sample.now), .superseded, .returned, .withdrawn, .caseClosed]
        #expect(Set(all.map(\.code)).count == all.count)
        for refusal in all {
            #expect(refusal.message.contains("CDOP coordinator"), "\(refusal)")
        }
    }
}
