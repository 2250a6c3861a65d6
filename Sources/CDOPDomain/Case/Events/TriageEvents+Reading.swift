import CDOPJSON

/// The designated doctor's triage, recorded for every case, and the rapid response that may follow, read by
/// hand (`TapeReadable`).
extension DeathTriaged: TapeReadable {
    package init?(reading object: JSONObjectReader) {
        guard let expectation: Expectation = object.value("expectation"),
            let confirmedBy = object.string("confirmedBy"),
            let triggers = object.triggers(), let at = object.date("at")
        else { return nil }
        self.init(expectation: expectation, confirmedBy: confirmedBy, triggers: triggers, at: at)
    }
}

extension RapidResponseOpened: TapeReadable {
    package init?(reading object: JSONObjectReader) {
        guard let unexpected = object.bool("unexpected"), let triggers = object.triggers(), let at = object.date("at")
        else {
            return nil
        }
        self.init(unexpected: unexpected, triggers: triggers, at: at)
    }
}

extension RapidResponseCompleted: TapeReadable {
    package init?(reading object: JSONObjectReader) {
        guard let note = object.string("note"), let at = object.date("at") else { return nil }
        self.init(note: note, at: at)
    }
}

extension JSONObjectReader {
    /// The `triggers` member: an array of Joint Agency Response triggers by name.
    fileprivate func triggers() -> [JARTrigger]? {
        array("triggers") { $0.plainString($1).flatMap(JARTrigger.init(rawValue:)) }
    }
}
