import CDOPApp
import CDOPDomain

/// SCENARIOS.md's scenarios 1 to 5, with invented names, told in days before today.
extension DemoHistory {
    /// The panel's calendar: a panel meeting every four weeks for fourteen months, the one ten weeks ago a
    /// themed neonatal panel, and two still to come.
    func panelCalendar() {
        for ago in stride(from: 378, through: 14, by: -28) where ago != 70 {
            panelMeeting(Self.panelKey(ago), ago: ago, title: "CDOP panel meeting, \(DayFormatter.long(day(ago)))")
        }
        panelMeeting(
            Self.panelKey(70), ago: 70, title: "Themed panel: neonatal deaths", theme: "Neonatal deaths",
            guests: [
                Invitee(
                    name: "Dr Noor Incubator", email: "safeguarding.lead@neonatal.centralvale.example.nhs.uk",
                    role: .paediatrician, organisation: "Central Vale Neonatal Unit")
            ])
        for ago in [-14, -42] {
            panelMeeting(Self.panelKey(ago), ago: ago, title: "CDOP panel meeting, \(DayFormatter.long(day(ago)))")
        }
    }

    /// 1. A sudden unexpected death in infancy, the full path: notified twice (the second a duplicate), a
    /// rapid response whose meeting moves, six forms chased to escalation, a post-mortem pause of 63 days, the
    /// review meeting in month 3, the panel in month 5, category 10 with modifiable factors, submitted, closed.
    func scenarioSuddenInfantDeath() {
        let died = 400
        var first = children.notification(
            DemoChildren.Death(
                died: day(died), ageDays: 122, sex: .male, area: "NTH", areaOfDeath: "NTH", expectation: .unexpected,
                place: .home,
                circumstances: "Found unresponsive in the parents' bed in the early morning. (Synthetic.)",
                name: PersonName(forenames: "Alex", surname: "Testchild")),
            notified: day(died), by: Self.ambulance)
        var second = first
        second.notifier = Notifier(
            name: "Dr Jo Example", role: Self.emergencyDepartment.role,
            organisation: Self.emergencyDepartment.organisation,
            email: "ed.consultant@centralvale.example.nhs.uk", dateNotified: day(died))
        second.child.name.surname = "Testchilde"
        first.child.nhsNumber = .absent(.notCurrentlyAvailable)
        send(first, as: "s1", ago: died, hour: 2, minute: 10)
        send(second, as: "s1-ed", ago: died, hour: 9)
        confirmDuplicate("s1-ed", of: "s1", ago: died - 2)
        triage("s1", ago: died - 2, triggers: [.suddenNoApparentCause])
        convene("s1", ago: died - 2, meetingAgo: died - 4)
        moveRapidResponse("s1", ago: died - 3, toAgo: died - 5, hour: 14)
        rapidResponseHeld("s1", ago: died - 5)
        request(
            "s1", ago: died - 2,
            [
                ("gp-north", .reporting), ("health-visiting", .reporting), ("police", .reporting),
                ("social-care", .reporting), ("hospital", .reporting), ("hospital", .sudiSudc),
            ])
        answer("s1", "hospital", ago: died - 11)
        answer("s1", "gp-north", ago: died - 14)
        answer("s1", "police", .reporting, .noInformationHeld, ago: died - 15)
        answer("s1", "social-care", ago: died - 18)
        answer("s1", "hospital", .sudiSudc, ago: died - 20)
        answer("s1", "health-visiting", ago: died - 32)
        completeRapidResponse("s1", ago: died - 12)
        pause("s1", .postMortem, reason: "Post-mortem report awaited from the coroner", ago: died - 8)
        resume("s1", .postMortem, ago: died - 8 - 63)
        reviewMeeting("s1", ago: died - 90, readyAgo: died - 95)
        list("s1", on: Self.panelKey(238), ago: died - 100)
        review(
            "s1", ago: 238,
            Outcome(
                categories: [10], outcome: .modifiableFactorsIdentified,
                factors: [
                    ContributoryFactor(
                        domain: .physicalEnvironment, description: "Unsafe sleep arrangement (co-sleeping on a sofa)",
                        level: .mayHaveContributed, modifiable: true),
                    ContributoryFactor(
                        domain: .socialEnvironment, description: "Smoking in the household", level: .mayHaveContributed,
                        modifiable: true),
                ],
                learning: [
                    LearningPoint(
                        theme: "safe sleep",
                        text: "Safe-sleep advice should be repeated at every health visitor contact.")
                ],
                cause: "Sudden unexpected death in infancy, unexplained",
                actions: [("Refresh the safe-sleep campaign with the public health team", "Public health team", 90, 70)]
            ))
        submit("s1", ago: 232, closeAgo: 225)
    }

    /// 2. An expected death in palliative care: no rapid response, every form back within 14 days, no reminders.
    func scenarioPalliativeCare() {
        usualCase(
            "s2", died: 300, ageDays: 9 * 365 + 40, sex: .female, area: "EST", place: .hospice,
            circumstances:
                "Died peacefully at the hospice with her family, as planned with the palliative care team. (Synthetic.)",
            cause: "Life-limiting neuromuscular condition",
            forms: [
                ("hospice", .reporting), ("hospice", .carePathway), ("community-nursing", .reporting),
                ("school", .reporting), ("gp-east", .reporting),
            ],
            answeredAfter: [3, 5, 7, 9, 12],
            review: 245, ready: 240, listed: 235, panel: 210,
            outcome: Outcome(
                categories: [6], outcome: .noModifiableFactorsIdentified,
                learning: [
                    LearningPoint(theme: "palliative care", text: "Advance care planning worked well across agencies.")
                ]),
            submitted: 200, closed: 190)
        // Scenario 9, in part: the child's mother asks for her contact details to be erased; the coordinator asks
        // for it, and it awaits a second person's approval (the administrator's, on the case's privacy page).
        askForErasure("s2", roles: ["parent-1"], reason: "Request from the child's mother, ERA-2026-003", ago: 3)
    }

    /// 3. A neonatal death (born at 24 weeks, died on day 3), reviewed at the themed neonatal panel with four
    /// other neonatal cases; category 8.
    func scenarioNeonatal() {
        let neonatal = Outcome(
            categories: [8], outcome: .noModifiableFactorsIdentified, cause: "Extreme prematurity (24 weeks)")
        usualCase(
            "s3", died: 200, ageDays: 3, sex: .female, area: "CEN", place: .neonatalUnit,
            circumstances: "Born at 24 weeks' gestation; died on day 3 in the neonatal unit. (Synthetic.)",
            forms: [("neonatal", .reporting), ("neonatal", .neonatal), ("hospital", .reporting)],
            review: 120, ready: 110, listed: 100, panel: 70, outcome: neonatal, submitted: 63, closed: 56)
        let others: [(key: String, died: Int, age: Int, submitted: Int?, closed: Int?)] = [
            ("n1", 230, 1, 60, 50), ("n2", 215, 12, 55, nil), ("n3", 180, 20, 40, nil), ("n4", 160, 6, nil, nil),
        ]
        for (index, other) in others.enumerated() {
            var outcome = neonatal
            outcome.cause = index == 3 ? "Necrotising enterocolitis" : "Complications of prematurity"
            if index == 3 {
                outcome.outcome = .modifiableFactorsIdentified
                outcome.factors = [
                    ContributoryFactor(
                        domain: .socialEnvironment, description: "Smoking in pregnancy", level: .mayHaveContributed,
                        modifiable: true)
                ]
                outcome.actions = [
                    ("Audit referrals to the stop-smoking service in pregnancy", "Maternity services", 120, nil)
                ]
            }
            usualCase(
                other.key, died: other.died, ageDays: other.age, sex: index % 2 == 0 ? .male : .female,
                area: ["NTH", "EST", "STH", "WST"][index], place: .neonatalUnit,
                circumstances: "Born preterm; died in the neonatal unit. (Synthetic.)",
                forms: [("neonatal", .reporting), ("neonatal", .neonatal)],
                review: 105 - index, ready: 95, listed: 90 - index, panel: 70, outcome: outcome,
                submitted: other.submitted, closed: other.closed)
        }
    }

    /// 4. A suspected suicide of a 15-year-old: a rapid response, the police investigation and the inquest
    /// pausing the case for seven months, the school's Form B 30 days late and escalated, a referral for a
    /// child safeguarding practice review; category 2.
    func scenarioSuspectedSuicide() {
        let died = 395
        usualCase(
            "s4", died: died, ageDays: 15 * 365 + 120, sex: .male, area: "WST", place: .publicPlace,
            triggers: [.externalCauses],
            circumstances: "Found in a park by a member of the public; suspected suicide. (Synthetic.)",
            forms: [
                ("camhs", .reporting), ("camhs", .suicideSelfHarm), ("gp-east", .reporting), ("police", .reporting),
                ("social-care", .reporting), ("school", .reporting),
            ],
            answeredAfter: [8, 16, 6, 13, 10, 44])
        pause("s4", .criminalProceedings, reason: "Police investigation under way", ago: died - 10)
        pause("s4", .inquest, reason: "Inquest opened and adjourned", ago: died - 10)
        resume("s4", .criminalProceedings, ago: died - 80)
        resume("s4", .inquest, ago: died - 10 - 213)
        reviewMeeting("s4", ago: 160, readyAgo: 150)
        list("s4", on: Self.panelKey(126), ago: 140)
        review(
            "s4", ago: 126,
            Outcome(
                categories: [2], outcome: .modifiableFactorsIdentified,
                factors: [
                    ContributoryFactor(
                        domain: .child, description: "History of self-harm", level: .mayHaveContributed,
                        modifiable: true),
                    ContributoryFactor(
                        domain: .serviceProvision, description: "Long wait for a mental health assessment",
                        level: .mayHaveContributed, modifiable: true),
                ],
                learning: [
                    LearningPoint(
                        theme: "mental health",
                        text: "Schools should know how to escalate a referral that waits too long.")
                ],
                actions: [
                    ("Review waiting times for urgent CAMHS assessments", "Westwick CAMHS", 90, nil),
                    ("Pastoral staff training on self-harm disclosures", "Eastbury Academy", 60, 45),
                ],
                referral: "Concerns about how agencies worked together in the months before the death"))
        submit("s4", ago: 119, closeAgo: nil)
    }

    /// 5. A 12-year-old from another area dies in a road traffic collision in the panel's area: recorded, then
    /// transferred to the panel of the child's home area (it leaves this panel's figures, keeps its history).
    func scenarioOtherArea() {
        notify(
            "s5", died: 40, ageDays: 12 * 365 + 200, sex: .female, area: nil, areaOfDeath: "CEN",
            expectation: .unexpected,
            place: .publicPlace, circumstances: "Pedestrian struck by a car on a visit to relatives. (Synthetic.)",
            hour: 18, by: Self.ambulance)
        transfer("s5", to: "Southshire Example CDOP", ago: 38)
    }
}
