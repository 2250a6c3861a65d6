import CDOPApp
import CDOPDefinitions
import CDOPDomain
import CDOPProjections
import Foundation

/// The steps of a child's case, each issued as the command the CLI or a web page would issue.
extension DemoHistory {
    /// Who notifies: the ambulance service, the emergency department, a ward, a hospice.
    static let ambulance = (role: "Paramedic", organisation: "Regional Ambulance Service")
    static let emergencyDepartment = (role: "Emergency department consultant", organisation: "Central Vale Hospital")
    static let ward = (role: "Ward sister", organisation: "Central Vale Hospital")
    static let neonatalUnit = (role: "Neonatal nurse", organisation: "Central Vale Neonatal Unit")
    static let hospice = (role: "Hospice nurse", organisation: "Riverside Children's Hospice")

    /// Registers the agency directory at the start of the history.
    func registerAgencies() {
        for agency in DemoDirectory.agencies {
            at(Self.days, 9) { () throws(CommandError) in
                let id = AgencyID(self.newID())
                self.agencies[agency.key] = id
                try self.workflow.execute(
                    .register(agencyID: id, name: agency.name, kind: agency.kind, contacts: agency.contacts),
                    on: id, by: DemoDirectory.coordinator)
            }
        }
    }

    /// A notification of `death` opens case `key` (dates are days ago); returns the notification, so a second
    /// notifier can send the same death.
    @discardableResult
    func notify(
        _ key: String, died: Int, ageDays: Int, sex: Sex, area: String?, areaOfDeath: String? = nil,
        expectation: Expectation, place: PlaceOfDeathKind, placeDescription: String? = nil,
        birthStatus: BirthStatus = .liveBorn, circumstances: String, cause: String? = nil, name: PersonName? = nil,
        notifiedAgo: Int? = nil, hour: Int = 10, by notifier: (role: String, organisation: String) = DemoHistory.ward
    ) -> DeathNotification {
        let notified = notifiedAgo ?? died
        let death = DemoChildren.Death(
            died: day(died), ageDays: ageDays, sex: sex, area: area, areaOfDeath: areaOfDeath, expectation: expectation,
            place: place, placeDescription: placeDescription, birthStatus: birthStatus, circumstances: circumstances,
            cause: cause, name: name)
        let notification = children.notification(death, notified: day(notified), by: notifier)
        send(notification, as: key, ago: notified, hour: hour)
        return notification
    }

    /// Sends `notification` as case `key` at `hour`, `ago` days ago.
    func send(_ notification: DeathNotification, as key: String, ago: Int, hour: Int, minute: Int = 0) {
        at(ago, hour, minute) { () throws(CommandError) in
            self.cases[key] = try self.workflow.notify(notification, by: DemoDirectory.notifier).caseID
        }
    }

    /// The designated doctor's triage; any trigger makes the death unexpected and opens a rapid response.
    func triage(_ key: String, ago: Int, triggers: Set<JARTrigger> = []) {
        at(ago, 11) { () throws(CommandError) in
            try self.workflow.execute(
                .triage(
                    expectation: triggers.isEmpty ? .expected : .unexpected, confirmedBy: "Dr Pat Designate",
                    triggers: triggers),
                on: self.caseID(key), by: DemoDirectory.designatedDoctor)
        }
    }

    /// The designated doctor convenes the rapid-response meeting for `meetingAgo` at 14:00, inviting the team.
    func convene(_ key: String, ago: Int, meetingAgo: Int) {
        at(ago, 12) { () throws(CommandError) in
            let starts = self.instant(meetingAgo, 14)
            let caseID = self.caseID(key)
            self.meetings["jar-" + key] = try self.workflow.conveneRapidResponse(
                for: caseID, scheduledFor: starts, invitees: DemoDirectory.rapidResponseTeam,
                by: DemoDirectory.designatedDoctor
            ) { id in
                .schedule(
                    meetingID: id, type: .rapidResponse, title: "Rapid response: \(caseID.reference)", startsAt: starts,
                    endsAt: starts.addingTimeInterval(5400),
                    venue: MeetingVenue(
                        place: "Safeguarding suite, Central Vale Hospital", callLink: "https://meet.example.org/jar"),
                    theme: nil)
            }
        }
    }

    /// The rapid-response meeting moves to `toAgo` at `hour` (the invitees get an update, not a new meeting).
    func moveRapidResponse(_ key: String, ago: Int, toAgo: Int, hour: Int) {
        at(ago, 15) { () throws(CommandError) in
            let starts = self.instant(toAgo, hour)
            try self.workflow.execute(
                .reschedule(
                    startsAt: starts, endsAt: starts.addingTimeInterval(5400),
                    venue: MeetingVenue(
                        place: "Safeguarding suite, Central Vale Hospital", callLink: "https://meet.example.org/jar")),
                on: self.meetingID("jar-" + key), by: DemoDirectory.designatedDoctor)
        }
    }

    /// The rapid-response meeting took place (recorded on the meeting and on the case).
    func rapidResponseHeld(_ key: String, ago: Int, hour: Int = 16) {
        at(ago, hour) { () throws(CommandError) in
            let meeting = self.meetingID("jar-" + key)
            try self.workflow.execute(
                .recordHeld(
                    attendance: DemoDirectory.rapidResponseTeam.map {
                        AttendanceRecord(email: $0.email, status: .attended)
                    }),
                on: meeting, by: DemoDirectory.designatedDoctor)
            try self.workflow.execute(
                .recordRapidResponseMeetingHeld(meetingID: meeting, heldAt: self.clock.now()), on: self.caseID(key),
                by: DemoDirectory.designatedDoctor)
        }
    }

    func completeRapidResponse(_ key: String, ago: Int) {
        at(ago, 12) { () throws(CommandError) in
            try self.workflow.execute(
                .completeRapidResponse(note: "Immediate safeguarding actions complete; family support in place."),
                on: self.caseID(key), by: DemoDirectory.designatedDoctor)
        }
    }

    /// The coordinator records each agency as involved and requests its form, due in 14 days (Form B) or 21
    /// (supplementary), chased by the declared schedule.
    func request(_ key: String, ago: Int, _ forms: [(agency: String, type: FormType)]) {
        for (index, form) in forms.enumerated() {
            at(ago, 10, 30 + index) { () throws(CommandError) in
                let caseID = self.caseID(key)
                let agency = DemoDirectory.agency(form.agency)
                guard let agencyID = self.agencies[form.agency] else {
                    preconditionFailure("demo agency \(form.agency)")
                }
                if self.involved.insert(key + "/" + form.agency).inserted {
                    try self.workflow.execute(
                        .recordAgencyInvolved(
                            AgencyInvolvement(
                                agencyID: agencyID, agencyName: agency.name, kind: agency.kind,
                                contactName: agency.lead,
                                contactEmail: agency.leadEmail)),
                        on: caseID, by: DemoDirectory.coordinator)
                }
                let requestID = FormRequestID(self.newID())
                self.requests[Self.requestKey(key, form.agency, form.type)] = requestID
                try self.workflow.execute(
                    .requestForm(
                        requestID: requestID, agencyID: agencyID, formType: form.type, contactEmail: agency.leadEmail,
                        dueDate: self.day(ago - (form.type == .reporting ? 14 : 21)),
                        schedule: ChasingSchedule.reference(for: form.type)),
                    on: caseID, by: DemoDirectory.coordinator)
            }
        }
    }

    static func requestKey(_ key: String, _ agency: String, _ type: FormType) -> String {
        "\(key)/\(agency)/\(type.rawValue)"
    }

    /// How an agency answers a request.
    enum Answer {
        case returned
        case noInformationHeld
        case waived
        case withdrawn
    }

    /// The agency answers its request on case `key`, `ago` days ago.
    func answer(_ key: String, _ agency: String, _ type: FormType = .reporting, _ answer: Answer = .returned, ago: Int)
    {
        at(ago, 14) { () throws(CommandError) in
            guard let requestID = self.requests[Self.requestKey(key, agency, type)] else {
                preconditionFailure("demo request \(key) \(agency) answered before it was made")
            }
            let command: CaseCommand
            let actor: Actor
            switch answer {
            case .returned:
                // One health visitor's return leaves out the mode of death, which the national return requires.
                let complete = !(key == "reviewed-2" && agency == "health-visiting")
                command = .recordFormReturned(
                    requestID: requestID,
                    definition: self.forms?.definition(for: type).reference
                        ?? FormDefinitionReference(id: type.rawValue, version: 1),
                    answers: Self.answers(
                        on: self.day(ago + 30), returned: self.day(ago), by: DemoDirectory.agency(agency),
                        complete: complete),
                    submittedBy: DemoDirectory.agency(agency).lead)
                actor = DemoDirectory.practitioner
            case .noInformationHeld:
                command = .recordNoInformationHeld(requestID: requestID, declaredBy: DemoDirectory.agency(agency).lead)
                actor = DemoDirectory.practitioner
            case .waived:
                command = .waiveFormRequest(
                    requestID: requestID, reason: "Information given at the rapid-response meeting")
                actor = DemoDirectory.coordinator
            case .withdrawn:
                command = .withdrawFormRequest(requestID: requestID, reason: "Requested from the wrong practice")
                actor = DemoDirectory.coordinator
            }
            try self.workflow.execute(command, on: self.caseID(key), by: actor)
        }
    }

    /// A returned form's answers: synthetic. They answer the reporting form's questions (the household's among
    /// them, the family's personal data) and the ones every supplementary form shares; `complete` false leaves
    /// out the mode of death.
    static func answers(
        on lastContact: CalendarDate, returned: CalendarDate, by agency: DemoDirectory.Agency, complete: Bool = true
    ) -> FormAnswers {
        var answers: FormAnswers = [
            "agency-name": .text(agency.name),
            "completed-by-name": .text(agency.lead),
            "completed-by-role": .text(agency.leadRole),
            "completed-by-organisation": .text(agency.name),
            "date-completed": .date(returned),
            "child-known-to-agency": .yesNo(.yes),
            "household": .text("Mother, 27; father, 29; a sister, 4. (Synthetic demo data.)"),
            "last-contact": .date(lastContact),
            "summary": .text(
                "Known to the service; routine contacts only. No concerns recorded. (Synthetic demo data.)"),
        ]
        if complete { answers["mode-of-death"] = .choice("foundDeadOrCollapsed") }
        return answers
    }
}
