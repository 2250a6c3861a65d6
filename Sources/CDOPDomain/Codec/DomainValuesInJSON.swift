import CDOPJSON
import CDOPPrimitives

/// The domain's own values (days, identifiers) in the JSON payloads that write and read themselves by hand.
extension JSONObjectWriter {
    mutating func day(_ key: StaticString, _ value: CalendarDate) {
        string(key, value.iso)
    }

    mutating func identifier<Kind>(_ key: StaticString, _ value: Identifier<Kind>) {
        string(key, value.description)
    }
}

extension JSONObjectReader {
    func identifier<Kind>(_ key: StaticString) -> Identifier<Kind>? {
        guard let node = member(key), tape[node].kind == .string, let uuid = UUIDText.parse(bytes: tape.slice(node))
        else {
            return nil
        }
        return Identifier(uuid)
    }

    func calendarDate(_ key: StaticString) -> CalendarDate? {
        guard let node = member(key), tape[node].kind == .string else { return nil }
        return CalendarDate(isoBytes: tape.slice(node))
    }
}
