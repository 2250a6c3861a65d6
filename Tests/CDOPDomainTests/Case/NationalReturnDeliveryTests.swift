import Foundation
import Testing

@testable import CDOPDomain

@Suite("A case's documents of national returns and what became of sending them")
struct NationalReturnDeliveryTests {
    static let now = Sample.now

    static func decide(_ command: CaseCommand, on state: CaseState) throws -> [CaseEvent] {
        try CaseDecider.decide(command, state: state, context: Sample.context)
    }

    static func fold(_ commands: [CaseCommand]) throws -> CaseState {
        var state = try Story.closed().reduce(CaseDecider.initialState) { CaseDecider.evolve($0, $1) }
        for command in commands {
            state = try decide(command, on: state).reduce(state) { CaseDecider.evolve($0, $1) }
        }
        return state
    }

    @Test("A document is queued on a closed case, and the same delivery key again queues nothing")
    func queuedOnce() throws {
        let state = try Self.fold([.queueNationalReturn(Sample.nationalReturnDocument("k1"))])
        #expect(state.nationalReturnDeliveries.map(\.key) == ["k1"])
        #expect(try Self.decide(.queueNationalReturn(Sample.nationalReturnDocument("k1")), on: state).isEmpty)
    }

    @Test("Each outcome is recorded once: nothing after sent, and no retry of an attempt already recorded")
    func outcomesOnce() throws {
        let retryAt = Self.now.addingTimeInterval(30)
        let state = try Self.fold([
            .queueNationalReturn(Sample.nationalReturnDocument("k1")),
            .recordNationalReturnRetry(deliveryKey: "k1", attempts: 1, retryAt: retryAt, reason: "HTTP 503"),
        ])
        #expect(state.nationalReturnDeliveries[0].retryAt == retryAt)
        #expect(
            try Self.decide(
                .recordNationalReturnRetry(deliveryKey: "k1", attempts: 1, retryAt: retryAt, reason: "HTTP 503"),
                on: state
            ).isEmpty)
        let sent = try Self.fold([
            .queueNationalReturn(Sample.nationalReturnDocument("k1")),
            .recordNationalReturnSent(deliveryKey: "k1", status: 201, attempts: 1),
        ])
        #expect(sent.nationalReturnDeliveries[0].outcome == .sent(status: 201, at: Self.now))
        #expect(
            try Self.decide(.recordNationalReturnFailed(deliveryKey: "k1", reason: "x", attempts: 2), on: sent).isEmpty)
    }

    @Test("A retry's time is kept to the millisecond, as events store it")
    func retryTimeNormalised() throws {
        let retryAt = Self.now.addingTimeInterval(30.123_456)
        let state = try Self.fold([
            .queueNationalReturn(Sample.nationalReturnDocument("k1")),
            .recordNationalReturnRetry(deliveryKey: "k1", attempts: 1, retryAt: retryAt, reason: "HTTP 503"),
        ])
        let kept = try #require(state.nationalReturnDeliveries[0].retryAt)
        #expect(Timestamp.format(kept) == "2026-06-01T09:00:30.123Z")
        #expect(kept == Timestamp.normalised(kept), "what evolve holds is what the stored event decodes to")
    }

    @Test("An outcome for a delivery the case never queued is refused")
    func unknownDelivery() throws {
        let state = try Self.fold([])
        #expect(throws: DomainError.self) {
            try Self.decide(.recordNationalReturnSent(deliveryKey: "nope", status: 201, attempts: 1), on: state)
        }
    }

    @Test("A failed delivery calls for one alert to the coordinator")
    func failureAlertsCoordinator() throws {
        let state = try Self.fold([
            .queueNationalReturn(Sample.nationalReturnDocument("k1")),
            .recordNationalReturnFailed(deliveryKey: "k1", reason: "HTTP 400", attempts: 1),
        ])
        let alerts = state.outboxEmails.filter { $0.template == "ncmd-delivery-failure" }
        #expect(alerts.map(\.id) == ["ncmd-failure:k1"])
        #expect(alerts.first?.recipient == .role(.coordinator))
        #expect(alerts.first?.state == .pending)
    }
}
