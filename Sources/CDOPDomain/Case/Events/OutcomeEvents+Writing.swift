import CDOPJSON

/// The panel's outcome written by hand (`CanonicalWritable`): a historic import records one for most rows, and
/// through Codable it cost as much as every other event of the row together. Keys in ascending order.
extension PanelOutcomeRecorded: CanonicalWritable {
    package func write(to json: inout JSONObjectWriter) {
        json.instant("at", at)
        json.object("outcome") { outcome.write(to: &$0) }
    }
}

extension PanelOutcome {
    package func write(to json: inout JSONObjectWriter) {
        json.string("causeOfDeath", causeOfDeath)
        json.objects("factors", factors) { factor, object in
            object.string("description", factor.description)
            object.value("domain", factor.domain)
            object.int("level", factor.level.rawValue)
            object.bool("modifiable", factor.modifiable)
        }
        json.objects("learningPoints", learningPoints) { point, object in
            object.string("text", point.text)
            object.string("theme", point.theme)
        }
        if let legacyPreventability { json.value("legacyPreventability", legacyPreventability) }
        if let meetingID { json.identifier("meetingID", meetingID) }
        json.ints("otherCategories", otherCategories.map(\.rawValue))
        if let outcome { json.value("outcome", outcome) }
        json.int("primaryCategory", primaryCategory.rawValue)
        json.day("reviewedOn", reviewedOn)
    }
}
