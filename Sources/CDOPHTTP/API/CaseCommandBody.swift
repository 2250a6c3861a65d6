import CDOPApp
import CDOPDomain
import Foundation

/// `POST /api/v1/cases/{case}/commands`: `{"command": "<name>", ...}`, one of the commands a person issues on a
/// case (the timers' and the mail dispatcher's are not offered). Each names the role that may issue it.
struct CaseCommandBody: Decodable {
    /// The commands offered, with the roles that may issue them.
    static let roles: [String: Set<StaffRole>] = [
        "triage": [.designatedDoctor], "complete-rapid-response": [.designatedDoctor],
        "request-form": [.coordinator], "withdraw-request": [.coordinator], "waive-request": [.coordinator],
        "record-no-information": [.coordinator], "await-external": [.coordinator], "conclude-external": [.coordinator],
        "review-meeting-held": [.coordinator, .designatedDoctor], "ready-for-panel": [.coordinator],
        "add-action": [.coordinator], "complete-action": [.coordinator], "refer-cspr": [.coordinator],
        "ncmd-submission": [.coordinator], "close": [.coordinator], "reopen": [.coordinator],
        "confirm-duplicate": [.coordinator], "reject-duplicate": [.coordinator], "transfer": [.coordinator],
        "out-of-scope": [.coordinator], "correct-notification": [.coordinator],
        "reopen-duplicate-decision": [.coordinator], "finalise": [.coordinator], "reopen-finalised": [.coordinator],
    ]

    enum Key: String, CodingKey {
        case command, expectation, triggers, note, agencyId, formType, contactEmail, dueDate, requestId, reason, process
        case since, on, heldOn, draftAnalysis, meetingId, actionId, text, owner, completedOn, referredOn, reference
        case submittedOn, toPanel, detail, declaredBy, correction, form
    }

    /// What to do: a case command, or confirming a duplicate (which spans two streams).
    enum Action {
        case command(CaseCommand)
        case requestForm(agencyID: AgencyID, formType: FormType, contactEmail: String?, dueDate: CalendarDate)
        case confirmDuplicate
        case correctNotification(NotificationCorrection, reason: String)
    }

    let name: String
    let action: Action

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        name = try c.decode(String.self, forKey: .command)
        func text(_ key: Key, default fallback: String? = nil) throws -> String {
            if let value = try c.decodeIfPresent(String.self, forKey: key) { return value }
            if let fallback { return fallback }
            throw DecodingError.keyNotFound(key, .init(codingPath: c.codingPath, debugDescription: "required"))
        }
        func date(_ key: Key) throws -> CalendarDate { try c.decode(CalendarDate.self, forKey: key) }
        func request() throws -> FormRequestID { try c.decode(FormRequestID.self, forKey: .requestId) }
        switch name {
        case "triage":
            action = .command(
                .triage(
                    expectation: try c.decode(Expectation.self, forKey: .expectation), confirmedBy: "",
                    triggers: Set(try c.decodeIfPresent([JARTrigger].self, forKey: .triggers) ?? [])))
        case "complete-rapid-response": action = .command(.completeRapidResponse(note: try text(.note, default: "")))
        case "request-form":
            action = .requestForm(
                agencyID: try c.decode(AgencyID.self, forKey: .agencyId),
                formType: try c.decodeIfPresent(FormType.self, forKey: .formType) ?? .reporting,
                contactEmail: try c.decodeIfPresent(String.self, forKey: .contactEmail), dueDate: try date(.dueDate))
        case "withdraw-request":
            action = .command(.withdrawFormRequest(requestID: try request(), reason: try text(.reason)))
        case "waive-request": action = .command(.waiveFormRequest(requestID: try request(), reason: try text(.reason)))
        case "record-no-information":
            action = .command(.recordNoInformationHeld(requestID: try request(), declaredBy: try text(.declaredBy)))
        case "await-external":
            action = .command(
                .awaitExternalProcess(
                    process: try c.decode(ExternalProcess.self, forKey: .process), reason: try text(.reason),
                    since: try date(.since)))
        case "conclude-external":
            action = .command(
                .concludeExternalProcess(
                    process: try c.decode(ExternalProcess.self, forKey: .process), on: try date(.on)))
        case "review-meeting-held":
            action = .command(
                .recordReviewMeetingHeld(
                    meetingID: try c.decodeIfPresent(MeetingID.self, forKey: .meetingId), heldOn: try date(.heldOn),
                    draftAnalysis: try text(.draftAnalysis)))
        case "ready-for-panel": action = .command(.markReadyForPanel)
        case "add-action":
            action = .command(
                .recordRecommendation(
                    actionID: try c.decodeIfPresent(ActionID.self, forKey: .actionId) ?? ActionID(UUID()),
                    text: try text(.text),
                    owner: try text(.owner), dueDate: try c.decodeIfPresent(CalendarDate.self, forKey: .dueDate)))
        case "complete-action":
            action = .command(
                .completeRecommendation(
                    actionID: try c.decode(ActionID.self, forKey: .actionId), completedOn: try date(.completedOn),
                    note: try text(.note, default: "")))
        case "refer-cspr":
            action = .command(
                .referForSafeguardingPracticeReview(reason: try text(.reason), referredOn: try date(.referredOn)))
        case "ncmd-submission":
            action = .command(
                .recordNCMDSubmission(reference: try text(.reference), submittedOn: try date(.submittedOn)))
        case "close": action = .command(.close(reason: try text(.reason, default: "")))
        case "reopen": action = .command(.reopen(reason: try text(.reason)))
        case "confirm-duplicate": action = .confirmDuplicate
        case "reject-duplicate":
            action = .command(.rejectPossibleDuplicate(reason: try text(.reason, default: "A different death")))
        case "transfer": action = .command(.transfer(toPanel: try text(.toPanel), reason: try text(.reason)))
        case "correct-notification":
            action = .correctNotification(
                try c.decode(NotificationCorrection.self, forKey: .correction), reason: try text(.reason, default: ""))
        case "finalise":
            action = .command(.finaliseNationalReturnPart(try c.decode(NationalReturnPart.self, forKey: .form)))
        case "reopen-finalised":
            action = .command(
                .reopenNationalReturnPart(
                    try c.decode(NationalReturnPart.self, forKey: .form), reason: try text(.reason)))
        case "reopen-duplicate-decision":
            action = .command(.reopenDuplicateDecision(reason: try text(.reason, default: "")))
        case "out-of-scope":
            action = .command(
                .recordOutOfScope(
                    reason: try c.decode(OutOfScopeReason.self, forKey: .reason), detail: try text(.detail, default: "")
                ))
        default:
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: [Key.command],
                    debugDescription: "unknown command; one of " + Self.roles.keys.sorted().joined(separator: ", ")))
        }
    }
}
