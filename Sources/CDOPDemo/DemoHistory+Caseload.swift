import CDOPApp
import CDOPDomain

/// The rest of the caseload, so that today every stage of a review has cases in it.
extension DemoHistory {
    /// New notifications, one of them a possible duplicate still to be settled, and deaths outside the panel.
    func newNotifications() {
        notify(
            "new-1", died: 1, ageDays: 200, sex: .male, area: "STH", expectation: .unexpected, place: .home,
            circumstances: "Found unresponsive at home; resuscitation unsuccessful. (Synthetic.)", hour: 6,
            by: Self.ambulance)
        notify(
            "new-2", died: 3, ageDays: 3000, sex: .female, area: "NTH", expectation: .expected, place: .hospitalWard,
            circumstances: "Died on the ward after a long illness. (Synthetic.)", notifiedAgo: 2)
        notify(
            "new-3", died: 2, ageDays: 5000, sex: .male, area: "EST", expectation: .expected, place: .hospice,
            circumstances: "Died at the hospice as planned. (Synthetic.)", notifiedAgo: 1, hour: 16, by: Self.hospice)
        let twice = notify(
            "maybe-dup", died: 3, ageDays: 700, sex: .female, area: "CEN", expectation: .unexpected,
            place: .hospitalEmergencyDepartment,
            circumstances: "Brought to the emergency department after a fall. (Synthetic.)",
            name: PersonName(forenames: "Jordan", surname: "Placeholder"), notifiedAgo: 2, hour: 11,
            by: Self.emergencyDepartment)
        var again = twice
        again.child.name.surname = "Placeholdr"
        again.child.nhsNumber = .absent(.notCurrentlyAvailable)
        again.notifier = Notifier(
            name: "Ward clerk", role: Self.ward.role, organisation: Self.ward.organisation, dateNotified: day(1))
        send(again, as: "maybe-dup-2", ago: 1, hour: 9)
        notify(
            "stillbirth", died: 60, ageDays: 0, sex: .male, area: "NTH", expectation: .expected, place: .hospitalWard,
            birthStatus: .stillbirth, circumstances: "Stillbirth attended by the midwifery team. (Synthetic.)")
        notify(
            "elsewhere", died: 25, ageDays: 4000, sex: .female, area: nil, areaOfDeath: nil, expectation: .expected,
            place: .abroad, circumstances: "Died while living abroad; notified in error. (Synthetic.)")
    }

    /// Triaged cases, rapid responses under way, and forms being gathered: requested, due soon, overdue with
    /// reminders sent, escalated, returned, declined, withdrawn.
    func casesInProgress() {
        usualCase(
            "triaged-1", died: 7, ageDays: 6000, sex: .male, area: "WST", place: .hospitalWard,
            circumstances: "Died on the ward; known cardiac condition. (Synthetic.)", forms: [])
        usualCase(
            "triaged-2", died: 5, ageDays: 40, sex: .female, area: "STH", place: .intensiveCareUnit,
            circumstances: "Died in intensive care after surgery. (Synthetic.)", forms: [])
        // A rapid response whose meeting was moved to tomorrow.
        notify(
            "jar-moved", died: 4, ageDays: 90, sex: .male, area: "EST", expectation: .unexpected, place: .home,
            circumstances: "Sudden collapse at home. (Synthetic.)", hour: 7, by: Self.ambulance)
        triage("jar-moved", ago: 3, triggers: [.suddenNoApparentCause])
        convene("jar-moved", ago: 3, meetingAgo: 1)
        moveRapidResponse("jar-moved", ago: 2, toAgo: -1, hour: 10)
        // A rapid response whose meeting was held; forms requested, one returned.
        usualCase(
            "jar-held", died: 9, ageDays: 2400, sex: .female, area: "NTH", place: .home, triggers: [.externalCauses],
            circumstances: "Injured at home; died in hospital. (Synthetic.)",
            forms: [
                ("gp-north", .reporting), ("police", .reporting), ("social-care", .reporting), ("school", .reporting),
            ],
            answeredAfter: [30, 3, 30, 30])
        usualCase(
            "requested", died: 6, ageDays: 300, sex: .male, area: "CEN", place: .hospitalWard,
            circumstances: "Died on the ward after an infection. (Synthetic.)",
            forms: [("gp-north", .reporting), ("health-visiting", .reporting), ("hospital", .reporting)],
            answeredAfter: [30, 30, 30])
        usualCase(
            "due-soon", died: 13, ageDays: 3500, sex: .female, area: "EST", place: .hospitalWard,
            circumstances: "Died after a long admission. (Synthetic.)",
            forms: [
                ("gp-east", .reporting), ("community-nursing", .reporting), ("hospital", .reporting),
                ("hospice", .reporting),
            ],
            answeredAfter: [30, 30, 3, 5], answers: [.returned, .returned, .returned, .noInformationHeld])
        usualCase(
            "overdue", died: 19, ageDays: 800, sex: .male, area: "NTH", place: .hospitalWard,
            circumstances: "Died on the ward; complex needs. (Synthetic.)",
            forms: [("gp-north", .reporting), ("health-visiting", .reporting), ("social-care", .reporting)],
            answeredAfter: [8, 40, 40])
        usualCase(
            "escalated", died: 35, ageDays: 4200, sex: .male, area: "STH", place: .publicPlace,
            triggers: [.externalCauses],
            circumstances: "Drowned in a river on a summer afternoon. (Synthetic.)",
            forms: [
                ("gp-east", .reporting), ("police", .reporting), ("school", .reporting), ("social-care", .reporting),
                ("police", .drowning),
            ],
            answeredAfter: [5, 8, 60, 18, 13], answers: [.returned, .noInformationHeld, .returned, .returned, .waived])
        usualCase(
            "returned", died: 45, ageDays: 1500, sex: .female, area: "WST", place: .hospitalWard,
            circumstances: "Died after a short illness. (Synthetic.)",
            forms: [("gp-north", .reporting), ("hospital", .reporting), ("health-visiting", .reporting)],
            answeredAfter: [3, 8, 10], answers: [.withdrawn, .returned, .returned])
        request("returned", ago: 40, [("gp-east", .reporting)])
        answer("returned", "gp-east", ago: 30)
    }

    /// Reviews waiting on others or on the panel: paused for a post-mortem and an inquest, review meetings
    /// held, cases ready, cases listed on the next panel meeting's agenda.
    func casesAwaitingThePanel() {
        usualCase(
            "post-mortem", died: 50, ageDays: 150, sex: .female, area: "CEN", place: .home,
            triggers: [.suddenNoApparentCause],
            circumstances: "Found unresponsive in her cot. (Synthetic.)",
            forms: [
                ("gp-north", .reporting), ("health-visiting", .reporting), ("police", .reporting),
                ("hospital", .sudiSudc),
            ])
        pause("post-mortem", .postMortem, reason: "Post-mortem report awaited", ago: 45)
        usualCase(
            "inquest", died: 160, ageDays: 5900, sex: .male, area: "EST", place: .publicPlace,
            triggers: [.externalCauses],
            circumstances: "Passenger in a road traffic collision. (Synthetic.)",
            forms: [
                ("gp-east", .reporting), ("police", .reporting), ("school", .reporting),
                ("police", .roadTrafficCollision),
            ])
        pause("inquest", .inquest, reason: "Inquest listed for next spring", ago: 140)
        usualCase(
            "review-held-1", died: 85, ageDays: 2000, sex: .female, area: "NTH", place: .hospitalWard,
            circumstances: "Died after an asthma attack. (Synthetic.)",
            forms: [("gp-north", .reporting), ("school", .reporting), ("hospital", .asthmaAnaphylaxis)], review: 15)
        usualCase(
            "review-held-2", died: 95, ageDays: 400, sex: .male, area: "STH", place: .home,
            triggers: [.suddenNoApparentCause],
            circumstances: "Sudden death at home. (Synthetic.)",
            forms: [("gp-east", .reporting), ("health-visiting", .reporting), ("social-care", .reporting)], review: 20)
        usualCase(
            "ready-1", died: 100, ageDays: 4500, sex: .female, area: "WST", place: .hospice,
            circumstances: "Died at the hospice. (Synthetic.)",
            forms: [("hospice", .reporting), ("gp-east", .reporting)], review: 25, ready: 20)
        usualCase(
            "ready-2", died: 120, ageDays: 30, sex: .male, area: "CEN", place: .hospitalWard,
            circumstances: "Died on the children's ward. (Synthetic.)",
            forms: [("hospital", .reporting), ("health-visiting", .reporting)], review: 12, ready: 10)
        for (index, died) in [110, 125, 140].enumerated() {
            usualCase(
                "listed-\(index + 1)", died: died, ageDays: 1000 + 1500 * index, sex: index == 1 ? .female : .male,
                area: ["NTH", "EST", "STH"][index], place: .hospitalWard,
                circumstances: "Died in hospital. (Synthetic.)",
                forms: [("gp-north", .reporting), ("hospital", .reporting)], review: 30 - index, ready: 15 - index,
                listed: 9 - index, panel: -14)
        }
    }

    /// Reviewed cases: outcomes with open actions, submissions to the national database, closures.
    func reviewedCases() {
        let modifiable = Outcome(
            categories: [7, 10], outcome: .modifiableFactorsIdentified,
            factors: [
                ContributoryFactor(
                    domain: .serviceProvision, description: "Delay in referral to specialist care",
                    level: .mayHaveContributed, modifiable: true)
            ],
            learning: [LearningPoint(theme: "referral", text: "Refer promptly when a child's condition changes.")],
            cause: "Sepsis after a delayed referral (synthetic demo data)",
            actions: [("Audit referral times to the specialist service", "Central Vale Hospital", 60, nil)])
        let none = Outcome(
            categories: [6], outcome: .noModifiableFactorsIdentified,
            cause: "As given in the post-mortem report (synthetic demo data)")
        let cases: [(key: String, died: Int, panel: Int, outcome: Outcome, submitted: Int?, closed: Int?)] = [
            ("reviewed-1", 150, 14, modifiable, nil, nil), ("reviewed-2", 170, 14, none, nil, nil),
            ("submitted-1", 190, 42, modifiable, 30, nil),
            ("closed-1", 230, 98, none, 90, 80), ("closed-2", 300, 182, modifiable, 170, 160),
            ("closed-3", 380, 266, none, 250, 240), ("closed-4", 420, 322, modifiable, 300, 290),
        ]
        for (index, item) in cases.enumerated() {
            usualCase(
                item.key, died: item.died, ageDays: 500 + 700 * index, sex: index % 2 == 0 ? .female : .male,
                area: ["NTH", "EST", "STH", "WST", "CEN"][index % 5], place: index % 3 == 0 ? .home : .hospitalWard,
                triggers: index % 3 == 0 ? [.suddenNoApparentCause] : [],
                circumstances: "Synthetic demo case.",
                forms: [("gp-north", .reporting), ("health-visiting", .reporting), ("hospital", .reporting)],
                review: item.panel + 40, ready: item.panel + 30, listed: item.panel + 25, panel: item.panel,
                outcome: item.outcome, submitted: item.submitted, closed: item.closed)
        }
        // An inquest's findings reopen a closed case for a new review: its outcome is set aside.
        reopen("closed-2", ago: 100, reason: "The inquest's findings give new information about the death")
    }
}
