import CDOPJSON

/// The smaller events a historic import writes for every row, written by hand (`CanonicalWritable`).
extension DeathTriaged: CanonicalWritable {
    package func write(to json: inout JSONObjectWriter) {
        json.instant("at", at)
        json.string("confirmedBy", confirmedBy)
        json.value("expectation", expectation)
        json.strings("triggers", triggers.map(\.rawValue))
    }
}

extension RapidResponseCompleted: CanonicalWritable {
    package func write(to json: inout JSONObjectWriter) {
        json.instant("at", at)
        json.string("note", note)
    }
}

extension MarkedReadyForPanel: CanonicalWritable {
    package func write(to json: inout JSONObjectWriter) {
        json.instant("at", at)
    }
}

extension AssignedToPanelMeeting: CanonicalWritable {
    package func write(to json: inout JSONObjectWriter) {
        json.instant("at", at)
        json.day("meetingDate", meetingDate)
        json.identifier("meetingID", meetingID)
    }
}

extension ExternalReferenceRecorded: CanonicalWritable {
    package func write(to json: inout JSONObjectWriter) {
        json.instant("at", at)
        json.string("reference", reference)
        json.string("source", source)
    }
}

extension CaseAddedToAgenda: CanonicalWritable {
    package func write(to json: inout JSONObjectWriter) {
        json.instant("at", at)
        json.identifier("caseID", caseID)
    }
}
