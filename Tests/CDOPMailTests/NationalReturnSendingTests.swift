import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPMail
import CDOPProjections
import CDOPStore
import CDOPTesting
import Foundation
import Testing

/// Cases on an engine at a test clock whose national return goes to `url` through the HTTPS adapter.
struct NationalReturnScenario {
    let engine: Engine
    let clock: TestClock
    let caseIDs: [CaseID]
    let databasePath: String

    init(directory: TemporaryDirectory, url: URL, token: String, caFile: String?, cases: Int = 3) throws {
        databasePath = directory.file("cdop.sqlite").path
        var configuration = AppConfiguration()
        configuration.databasePath = databasePath
        configuration.nationalReturn.adapter = .https(NationalReturnEndpoint(url: url, token: token, caFile: caFile))
        clock = TestClock(iso: "2027-03-01T09:00:00Z")
        engine = try Engine(
            configuration: configuration, clock: clock, schedules: TestSchedules.catalog,
            linkSecret: Data(repeating: 7, count: 32))
        var random = SeededRandom(seed: 20)
        let today = CalendarDate(year: 2027, month: 3, day: 1)!
        var ids: [CaseID] = []
        for index in 0..<cases {
            let notification = SyntheticPanel.notification(
                using: &random, died: today.adding(days: -30 - index), notified: today.adding(days: -29 - index),
                ageDays: 300 + index, area: "NTH", expectation: .expected)
            ids.append(try engine.workflow.notify(notification, by: Actor(name: "n", role: "notifier")).caseID)
        }
        caseIDs = ids
    }

    init(
        _ server: TestNCMDServer, in directory: TemporaryDirectory, token: String = TestNCMDServer.token,
        cases: Int = 3
    ) throws {
        try self.init(
            directory: directory, url: server.url, token: token, caFile: server.certificate.certificate.path,
            cases: cases)
    }

    /// A return of one synthetic document per case.
    var nationalReturn: NationalReturn {
        NationalReturn(
            year: 2026, manifestHash: String(repeating: "ab12", count: 16),
            documents: caseIDs.enumerated().map { index, caseID in
                NationalReturn.CaseDocument(
                    caseID: caseID, nationalCaseKey: "NTH-2026-\(index + 1)",
                    json: Data(#"{"caseKey":"NTH-2026-\#(index + 1)","items":{"B1.2":"yes"}}"#.utf8))
            })
    }

    /// The sender, with jitter off so that each wait is known.
    var sender: NationalReturnSender {
        var sender = engine.nationalReturnSender!
        sender.policy.jitter = 1...1
        return sender
    }

    func queue() async throws -> NationalReturnReceipt {
        try await engine.nationalReturnAdapter.deliver(nationalReturn, by: Actor(name: "c", role: "coordinator"))
    }

    func events(_ caseID: CaseID) throws -> [CaseEvent] {
        try engine.store.readStream(caseID.streamID).map { try $0.decoded(as: CaseEvent.self) }
    }

    func deliveries(_ state: NationalReturnQueueState? = nil) throws -> [NationalReturnQueueRow] {
        try engine.sqliteStore!.read { db in try NationalReturnQueueQueries.list(state: state, in: db) }
    }
}

@Suite("Sending the national return to a local HTTPS endpoint")
struct NationalReturnSendingTests {
    @Test("Every case document of a return is posted once, with the bearer token and its own Idempotency-Key")
    func returnDelivered() async throws {
        try await withNCMDServer { server, directory in
            let scenario = try NationalReturnScenario(server, in: directory)
            #expect(try await scenario.queue() == .queued(documents: 3, alreadyQueued: 0))
            let outcomes = await scenario.sender.sendAll()
            #expect(outcomes.map(\.result) == ["sent", "sent", "sent"], "\(outcomes)")
            let posts = try server.posts()
            #expect(posts.count == 3)
            let expected = scenario.nationalReturn
            for document in expected.documents {
                let key = expected.deliveryKey(of: document)
                let post = try #require(posts.first { $0.header("Idempotency-Key") == key })
                #expect(post.body == String(decoding: document.json, as: UTF8.self))
                #expect(post.header("Authorization") == "Bearer \(TestNCMDServer.token)")
                #expect(post.header("Content-Type") == "application/json")
                #expect(post.path == "/returns")
                let events = try scenario.events(document.caseID)
                #expect(events.contains { if case .nationalReturnSent(let e) = $0 { e.status == 201 } else { false } })
            }
            #expect(Set(posts.compactMap { $0.header("Idempotency-Key") }).count == 3)
            #expect(try scenario.deliveries(.sent).count == 3)
            #expect(await scenario.sender.sendAll().isEmpty, "nothing is posted twice")
        }
    }

    @Test("The same return delivered again queues nothing new")
    func sameReturnQueuedOnce() async throws {
        try await withNCMDServer { server, directory in
            let scenario = try NationalReturnScenario(server, in: directory)
            _ = try await scenario.queue()
            #expect(try await scenario.queue() == .queued(documents: 3, alreadyQueued: 3))
            #expect(try scenario.deliveries().count == 3)
        }
    }

    @Test("A 503 is retried after its backoff, by the clock, with the same Idempotency-Key, and each outcome recorded")
    func unavailableThenSent() async throws {
        try await withNCMDServer(statuses: [503]) { server, directory in
            let scenario = try NationalReturnScenario(server, in: directory, cases: 1)
            _ = try await scenario.queue()
            let first = await scenario.sender.sendAll()
            #expect(first.map(\.result) == ["retry"], "\(first)")
            let caseID = scenario.caseIDs[0]
            let retry = try #require(
                scenario.events(caseID).compactMap { event -> NationalReturnRetryScheduled? in
                    if case .nationalReturnRetryScheduled(let e) = event { e } else { nil }
                }.first)
            #expect(retry.attempts == 1)
            #expect(retry.retryAt == scenario.clock.now().addingTimeInterval(30))
            #expect(retry.reason.contains("503"))
            scenario.clock.advance(minutes: 0.4)
            #expect(await scenario.sender.sendAll().isEmpty, "not due before its backoff")
            scenario.clock.advance(minutes: 0.2)
            let second = await scenario.sender.sendAll()
            #expect(second.map(\.result) == ["sent"], "\(second)")
            let posts = try server.posts()
            #expect(posts.map(\.status) == [503, 201])
            #expect(Set(posts.compactMap { $0.header("Idempotency-Key") }).count == 1)
            let types = try scenario.events(caseID).map(\.typeName).filter { $0.hasPrefix("case.nationalReturn") }
            #expect(
                types == [
                    "case.nationalReturnQueued.v1", "case.nationalReturnRetryScheduled.v1",
                    "case.nationalReturnSent.v1",
                ])
            #expect(try scenario.deliveries(.sent).map(\.attempts) == [2])
        }
    }

    @Test("Each retry waits twice as long as the one before, and too many attempts make a dead letter")
    func backoffThenDeadLetter() async throws {
        try await withNCMDServer(statuses: [503, 429, 500]) { server, directory in
            let scenario = try NationalReturnScenario(server, in: directory, cases: 1)
            var sender = scenario.sender
            sender.policy.maximumAttempts = 3
            _ = try await scenario.queue()
            var waits: [TimeInterval] = []
            for _ in 0..<3 {
                let outcomes = await sender.sendAll()
                #expect(outcomes.count == 1)
                if let row = try scenario.deliveries(.pending).first {
                    waits.append(row.nextAttemptAt.timeIntervalSince(scenario.clock.now()))
                    scenario.clock.advance(minutes: waits.last! / 60)
                }
            }
            #expect(waits == [30, 60])
            let failed = try #require(try scenario.deliveries(.failed).first)
            #expect(failed.attempts == 3)
            #expect(failed.lastError?.contains("gave up after 3 attempts") == true)
            #expect(try server.posts().count == 3)
        }
    }

    @Test("A 400 is a dead letter: the delivery fails at once and the coordinator's alert is queued")
    func badRequestIsDeadLetter() async throws {
        try await withNCMDServer(statuses: [400]) { server, directory in
            let scenario = try NationalReturnScenario(server, in: directory, cases: 1)
            _ = try await scenario.queue()
            let outcomes = await scenario.sender.sendAll()
            #expect(outcomes.map(\.result) == ["failed"])
            #expect(try server.posts().count == 1)
            let caseID = scenario.caseIDs[0]
            #expect(
                try scenario.events(caseID).contains {
                    if case .nationalReturnDeliveryFailed(let e) = $0 { e.reason.contains("HTTP 400") } else { false }
                })
            let pending = try await scenario.engine.sqliteStore!.read { db in
                try OutboxQueries.list(state: "pending", in: db)
            }
            let alert = try #require(pending.first { $0.template == "ncmd-delivery-failure" })
            #expect(alert.recipientRole == "coordinator")
            #expect(alert.caseID == caseID.description)
            let templates = try DefinitionSet.load(from: BuiltProducts.packageRoot).get().templates
            let composer = EmailComposer(
                templates: templates, configuration: scenario.engine.configuration,
                links: scenario.engine.workflow.links!)
            let message = try composer.compose(
                alert, state: scenario.engine.workflow.caseState(caseID), now: scenario.clock.now())
            #expect(message.subject == "National return not sent to NCMD: case \(caseID.reference)")
            #expect(message.textBody.contains("HTTP 400"), "\(message.textBody)")
            #expect(await scenario.sender.sendAll().isEmpty, "a dead letter is not tried again")
        }
    }

    @Test("A wrong bearer token is refused with 401, and that is permanent")
    func wrongTokenIsPermanent() async throws {
        try await withNCMDServer { server, directory in
            let scenario = try NationalReturnScenario(server, in: directory, token: "not-the-token-at-all")
            _ = try await scenario.queue()
            let outcomes = await scenario.sender.sendAll()
            #expect(outcomes.map(\.result) == ["failed", "failed", "failed"])
            #expect(outcomes.allSatisfy { $0.detail.contains("refused the bearer token (HTTP 401)") })
            #expect(try server.posts().map(\.status) == [401, 401, 401])
            #expect(try scenario.deliveries(.failed).count == 3)
        }
    }

    @Test("The bearer token reaches the server and appears in no event, outcome, queue row or database file")
    func tokenStaysSecret() async throws {
        try await withNCMDServer(statuses: [503, 400]) { server, directory in
            let scenario = try NationalReturnScenario(server, in: directory)
            _ = try await scenario.queue()
            var outcomes = await scenario.sender.sendAll()
            scenario.clock.advance(hours: 2)
            outcomes += await scenario.sender.sendAll()
            #expect(Set(outcomes.map(\.result)) == ["sent", "retry", "failed"], "\(outcomes)")
            #expect(try server.posts().allSatisfy { $0.header("Authorization") == "Bearer \(TestNCMDServer.token)" })
            let token = TestNCMDServer.token
            let everything = try scenario.engine.sqliteStore!.readAll(after: 0, limit: 10_000)
            for event in everything {
                #expect(!String(decoding: event.data + event.metadata, as: UTF8.self).contains(token))
            }
            let printed = String(decoding: try JSONEncoder().encode(outcomes), as: UTF8.self)
            #expect(!printed.contains(token))
            #expect(!"\(try scenario.deliveries())".contains(token))
            #expect(!"\(scenario.engine.configuration.nationalReturn)".contains(token))
            let rebuilt = try ReadModelRebuild(store: scenario.engine.sqliteStore!).run()
            #expect(rebuilt.isClean, "a rebuild writes the same queue and alerts: \(rebuilt)")
            for suffix in ["", "-wal"] {
                let bytes = FileManager.default.contents(atPath: scenario.databasePath + suffix) ?? Data()
                #expect(bytes.range(of: Data(token.utf8)) == nil, "the token is in cdop.sqlite\(suffix)")
            }
        }
    }

    @Test("A delivery claimed by a sender that died is posted once its lease runs out, with the same Idempotency-Key")
    func claimExpiresAfterCrash() async throws {
        try await withNCMDServer { server, directory in
            let scenario = try NationalReturnScenario(server, in: directory, cases: 1)
            _ = try await scenario.queue()
            let sender = scenario.sender
            // A sender claims the delivery, posts it, and dies before recording the outcome.
            let claimed = try scenario.engine.store.transaction { db in
                try NationalReturnQueueQueries.claim(
                    limit: 10, now: scenario.clock.now(), lease: sender.policy.lease, in: db)
            }
            #expect(claimed.count == 1)
            #expect(await sender.sendAll().isEmpty, "claimed by the sender that died")
            scenario.clock.advance(minutes: sender.policy.lease / 60 + 1)
            #expect(await sender.sendAll().map(\.result) == ["sent"])
            let key = scenario.nationalReturn.deliveryKey(of: scenario.nationalReturn.documents[0])
            #expect(claimed[0].deliveryKey == key)
            #expect(try server.posts().compactMap { $0.header("Idempotency-Key") } == [key])
        }
    }

    @Test("No answer from the endpoint (connection refused) is retried, not a dead letter")
    func connectionRefusedIsTransient() async throws {
        try await withTemporaryDirectory("cdop-ncmd") { directory in
            let server = try await TestNCMDServer.start(in: directory)
            await server.stop()
            let scenario = try NationalReturnScenario(server, in: directory, cases: 1)
            _ = try await scenario.queue()
            let outcomes = await scenario.sender.sendAll()
            #expect(outcomes.map(\.result) == ["retry"], "\(outcomes)")
            #expect(outcomes[0].detail.contains("could not reach localhost:\(server.port)"), "\(outcomes)")
            #expect(try scenario.deliveries(.pending).map(\.attempts) == [1])
        }
    }
}
