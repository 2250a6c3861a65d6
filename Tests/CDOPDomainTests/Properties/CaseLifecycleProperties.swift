import Foundation
import PropertyBased
import Testing

@testable import CDOPDomain

@Suite("Properties of case lifecycles")
struct CaseLifecycleProperties {
    static let choices = Gen.int(in: 0...9_999).array(of: 1...90)

    @Test("Accepted commands only produce events that evolve can apply meaningfully")
    func eventsAlwaysApply() async {
        await propertyCheck(count: 300, input: Self.choices) { choices in
            let lifecycle = CaseLifecycle(choices: choices)
            for step in lifecycle.steps {
                guard case .success(let events) = step.result else { continue }
                var state = step.before
                for event in events {
                    if let problem = CaseEventChecks.problem(event, on: state) {
                        Issue.record("\(step.command) produced \(event.typeName): \(problem)")
                    }
                    state = CaseDecider.evolve(state, event)
                }
            }
        }
    }

    @Test("Folding is deterministic, and folding in two halves equals folding all")
    func foldDeterministic() async {
        await propertyCheck(count: 200, input: Self.choices, Gen.int(in: 0...100)) { choices, cut in
            let events = CaseLifecycle(choices: choices).events
            let whole = CaseDecider.fold(events)
            #expect(CaseDecider.fold(events) == whole)
            let split = min(cut, events.count)
            let halves = CaseDecider.fold(events[split...], from: CaseDecider.fold(events[..<split]))
            #expect(halves == whole)
        }
    }

    @Test("Deciding the same command on the same state gives the same answer")
    func decideDeterministic() async {
        await propertyCheck(count: 100, input: Self.choices) { choices in
            for step in CaseLifecycle(choices: choices).steps {
                let again: Result<[CaseEvent], DomainError>
                do throws(DomainError) {
                    again = .success(try CaseDecider.decide(step.command, state: step.before, context: step.context))
                } catch {
                    again = .failure(error)
                }
                #expect(again == step.result)
            }
        }
    }

    @Test("Every event survives storage: encoded and decoded it is equal, and so is the state folded from it")
    func codecRoundTrip() async throws {
        await propertyCheck(count: 150, input: Self.choices) { choices in
            let events = CaseLifecycle(choices: choices).events
            var decoded: [CaseEvent] = []
            for event in events {
                let stored = try EventCodec.encode(event)
                #expect(stored.type == event.typeName)
                decoded.append(try EventCodec.decode(stored, as: CaseEvent.self))
            }
            #expect(decoded == events)
            #expect(CaseDecider.fold(decoded) == CaseDecider.fold(events))
        }
    }

    @Test("A timer firing twice issues a reminder or escalation at most once")
    func chasingIdempotent() async {
        await propertyCheck(count: 150, input: Self.choices) { choices in
            for step in CaseLifecycle(choices: choices).steps {
                switch step.command {
                case .issueReminder, .escalate:
                    guard case .success(let events) = step.result else { continue }
                    let after = CaseDecider.fold(events, from: step.before)
                    let repeated = try? CaseDecider.decide(step.command, state: after, context: step.context)
                    #expect(repeated == [])
                default: continue
                }
            }
        }
    }

    @Test(
        "Once notified, a case always has a stage, and terminal stages refuse every further command but the record of mail or national returns already queued, the people's rights and the retention period"
    )
    func stagesAndTerminals() async {
        await propertyCheck(count: 150, input: Self.choices) { choices in
            for step in CaseLifecycle(choices: choices).steps where step.before.exists {
                #expect(step.before.stage != nil)
                switch step.before.stage {
                case .duplicate, .transferred:
                    switch step.command {
                    case .recordEmailSent, .recordEmailFailed, .requeueEmail, .recordNationalReturnSent,
                        .recordNationalReturnRetry, .recordNationalReturnFailed, .recordSubjectErased,
                        .recordSubjectAccessExported, .requestErasure, .approveErasure, .declineErasure,
                        .recordErasureCarriedOut:
                        continue
                    case .startSchedule(let start) where start.target.isRetention: continue
                    case .moveSchedule(let start) where start.target.isRetention: continue
                    case .reachScheduleStep(let target, _, _) where target.isRetention: continue
                    default: break
                    }
                    #expect(step.result.map { _ in 0 } != .success(0), "\(step.command) accepted on a terminal case")
                default: break
                }
            }
        }
    }
}

@Suite("The lifecycle generator")
struct CaseLifecycleCoverage {
    @Test("Reproducible random lifecycles reach every stage and produce every case event type")
    func coverage() {
        var seed: UInt64 = 0x5EED
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % 10_000)
        }
        var stages: Set<String> = []
        var types: Set<String> = []
        for _ in 0..<800 {
            let lifecycle = CaseLifecycle(choices: (0..<(1 + next() % 90)).map { _ in next() })
            for step in lifecycle.steps { if let stage = step.before.stage { stages.insert(stage.name) } }
            for event in lifecycle.events { types.insert(event.typeName) }
        }
        let allStages: Set<String> = [
            "notified", "outOfScope", "transferred", "duplicate", "triaged", "rapidResponseActive",
            "informationGathering",
            "awaitingExternal", "reviewMeetingHeld", "readyForPanel", "panelScheduled", "panelReviewed",
            "submittedToNCMD", "closed",
        ]
        #expect(allStages.subtracting(stages).isEmpty, "never reached: \(allStages.subtracting(stages))")
        #expect(
            Set(CaseEvent.allTypeNames).subtracting(types).isEmpty,
            "never produced: \(Set(CaseEvent.allTypeNames).subtracting(types))")
    }
}
