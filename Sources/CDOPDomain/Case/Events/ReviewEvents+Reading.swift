import CDOPJSON

/// The review events every reviewed case has, read by hand (`TapeReadable`), as the form-request events are.
extension MarkedReadyForPanel: TapeReadable {
    package init?(reading object: JSONObjectReader) {
        guard let at = object.date("at") else { return nil }
        self.init(at: at)
    }
}

extension AssignedToPanelMeeting: TapeReadable {
    package init?(reading object: JSONObjectReader) {
        guard let meetingID: MeetingID = object.identifier("meetingID"),
            let meetingDate = object.calendarDate("meetingDate"),
            let at = object.date("at")
        else { return nil }
        self.init(meetingID: meetingID, meetingDate: meetingDate, at: at)
    }
}

extension RecommendationRecorded: TapeReadable {
    package init?(reading object: JSONObjectReader) {
        guard let actionID: ActionID = object.identifier("actionID"), let text = object.string("text"),
            let owner = object.string("owner"), let dueDate = object.calendarDate("dueDate"), let at = object.date("at")
        else { return nil }
        self.init(actionID: actionID, text: text, owner: owner, dueDate: dueDate, at: at)
    }
}
