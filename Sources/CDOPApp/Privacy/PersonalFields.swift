import CDOPDefinitions
import CDOPDomain
import CDOPPrivacy
import Foundation

/// Which fields of the case's events hold someone's personal data, and whose, with what is read in their place
/// once that person is erased:
/// - the child: names, date of birth, NHS number, address and the circumstances of the death, in a notification
///   and its corrections (a correction's from/to texts and its reason too);
/// - the notifier: name, email and phone;
/// - each professional the notification names (`professional-1`, `-2`…), their name and contact;
/// - each parent or carer it names (`parent-1`, `-2`…), their name and contact (their relationship to the child
///   is not personal data of theirs alone, and the statistics may read it);
/// - the answers to form fields marked `identifying` in Forms/: the person completing the form
///   (`completed-by-…`, the subject `author-REQUEST`), the family (a field in a section about the family:
///   `family`), or else the child;
/// - the contact email a form request is sent to (`contact-REQUEST`) and who sent or declined the form;
/// - a merged duplicate's notifier (`notifier-CASE`), the child's NHS number it brought (the child's), and the
///   agency contacts and professionals it added, and
///   each agency's contact recorded as involved (`agency-contact`);
/// - a meeting's invitees and attendance (`invitees`), and its minutes and actions (`minutes`).
///
/// A date of birth erased reads as the latest date giving the same age band at death, so that every statistic
/// counts the case as before; pages that show a date of birth ask whether the child is erased.
package enum PersonalFields {
    /// The text an erased text field reads as.
    package static let erasedText = "erased"
    private static let text = "\"\(erasedText)\""

    package static func catalogue(forms: [FormDefinition]) -> PersonalFieldCatalogue {
        let notification: [PersonalField] =
            [
                PersonalField(
                    "notification.child.name", role: "child",
                    erased: .json(#"{"aliases":[],"forenames":"erased","surname":"erased"}"#)),
                PersonalField("notification.child.dateOfBirth", role: "child", erased: .computed(sameAgeBand)),
                PersonalField(
                    "notification.child.nhsNumber", role: "child",
                    erased: .json(#"{"absentBecause":"notCurrentlyAvailable"}"#)),
                PersonalField("notification.child.address", role: "child", erased: .json(#"{"lines":[]}"#)),
                PersonalField("notification.child.gpPractice", role: "child", erased: .json(text)),
                PersonalField("notification.circumstances", role: "child", erased: .json(text)),
                PersonalField("notification.professionalsInvolved.*.name", role: "professional", erased: .json(text)),
                PersonalField(
                    "notification.professionalsInvolved.*.contact", role: "professional", erased: .json(text)),
                PersonalField("notification.parentsAndCarers.*.name", role: "parent", erased: .json(text)),
                PersonalField("notification.parentsAndCarers.*.contact", role: "parent", erased: .json(text)),
            ] + notifier("notification.notifier", role: "notifier")
        let corrected =
            notification + [
                PersonalField("changes.*.from", role: "child", erased: .json(text)),
                PersonalField("changes.*.to", role: "child", erased: .json(text)),
                PersonalField("reason", role: "child", erased: .json(text)),
            ]
        var answers: [PersonalField] = []
        var seen: Set<String> = []
        for form in forms {
            for section in form.sections {
                for field in section.fields {
                    for (path, identifying) in answerPaths(field) where identifying && seen.insert(path).inserted {
                        answers.append(
                            PersonalField(
                                "answers." + path, role: role(of: path, section: section.id),
                                erased: .json(#"{"text":"erased"}"#)))
                    }
                }
            }
        }
        return PersonalFieldCatalogue(
            [
                "case.notificationReceived.v1": notification,
                "case.notificationCorrected.v1": corrected,
                // A draft's `savedBy` is the agency's name, not a person's.
                "case.formDraftSaved.v1": answers,
                "case.formReturned.v1": answers + [
                    PersonalField("submittedBy", role: "author-{requestID}", erased: .json(text))
                ],
                "case.formDeclined.v1": [PersonalField("declaredBy", role: "author-{requestID}", erased: .json(text))],
                "case.duplicateMerged.v1": notifier("notifier", role: "notifier-{from}") + [
                    // The NHS number the duplicate brought, when the case had none: the child's.
                    PersonalField("nhsNumberAdded", role: "child", erased: .json("null")),
                    PersonalField("agenciesAdded.*.contactName", role: "merged-contact", erased: .json(text)),
                    PersonalField("agenciesAdded.*.contactEmail", role: "merged-contact", erased: .json(text)),
                    PersonalField("professionalsAdded.*.name", role: "merged-professional", erased: .json(text)),
                ],
                "case.agencyRecordedInvolved.v1": [
                    PersonalField("involvement.contactName", role: "agency-contact", erased: .json(text)),
                    PersonalField("involvement.contactEmail", role: "agency-contact", erased: .json(text)),
                ],
                "case.formRequested.v1": [
                    PersonalField("contactEmail", role: "contact-{requestID}", erased: .json(text))
                ],
                "case.formContactChanged.v1": [
                    PersonalField("contactEmail", role: "contact-{requestID}", erased: .json(text))
                ],
            ].merging(meetingFields) { own, _ in own })
    }

    /// A meeting's people (`invitees`: each invitee's name and email, the attendance) and what was said of the
    /// cases it discussed (`minutes`: the minutes, each action's description, owner and completion note), each
    /// under one key of the meeting's.
    static let meetingFields: [String: [PersonalField]] = [
        "meeting.inviteeAdded.v1": [
            PersonalField("invitee.name", role: "invitees", erased: .json(text)),
            PersonalField("invitee.email", role: "invitees", erased: .json(text)),
        ],
        "meeting.invitationWithdrawn.v1": [
            PersonalField("name", role: "invitees", erased: .json(text)),
            PersonalField("email", role: "invitees", erased: .json(text)),
        ],
        "meeting.held.v1": [PersonalField("attendance", role: "invitees", erased: .json("[]"))],
        "meeting.minutesRecorded.v1": [PersonalField("text", role: "minutes", erased: .json(text))],
        "meeting.actionAgreed.v1": [
            PersonalField("description", role: "minutes", erased: .json(text)),
            PersonalField("owner", role: "minutes", erased: .json(text)),
        ],
        "meeting.actionCompleted.v1": [PersonalField("note", role: "minutes", erased: .json(text))],
    ]

    /// A notifier's name, email and phone under `path`.
    static func notifier(_ path: String, role: String) -> [PersonalField] {
        ["name", "email", "phone"].map { PersonalField("\(path).\($0)", role: role, erased: .json(text)) }
    }

    /// Each field's answer path (a group's rows: `group.groups.*.field`) and whether it is identifying.
    static func answerPaths(_ field: FormField) -> [(String, Bool)] {
        guard !field.fields.isEmpty else { return [(field.id, field.identifying)] }
        return field.fields.map { ("\(field.id).groups.*.\($0.id)", $0.identifying) }
    }

    static func role(of path: String, section: String) -> String {
        let field = path.split(separator: ".").last.map(String.init) ?? path
        if field.hasPrefix("completed-by-") { return "author-{requestID}" }
        if section.contains("family") || field == "household" { return "family" }
        return "child"
    }

    /// The latest date of birth that gives the same age band at death as the one sealed.
    @Sendable package static func sameAgeBand(_ value: [UInt8], _ document: PersonalFieldDocument) -> String {
        let text = String(decoding: value, as: UTF8.self).trimmingCharacters(in: ["\""])
        guard let born = CalendarDate(iso: text),
            let died = document.string(at: ["notification", "death", "date"]).flatMap(CalendarDate.init(iso:)),
            born <= died
        else { return "\"\(text)\"" }
        // The band only grows with age: the fewest days before death that still give the same band.
        let band = AgeBand(born: born, died: died)
        var (low, high) = (0, died.daysSinceEpoch - born.daysSinceEpoch)
        while low < high {
            let middle = (low + high) / 2
            if AgeBand(born: died.adding(days: -middle), died: died) == band { high = middle } else { low = middle + 1 }
        }
        return "\"\(died.adding(days: -low).iso)\""
    }
}
