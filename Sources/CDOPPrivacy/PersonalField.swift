import CDOPJSON

/// One field of an event type's data that holds someone's personal data: where it is, whose it is, and what is
/// read in its place once its subject's key has been erased.
package struct PersonalField: Sendable {
    /// One step of a field's path: a member of an object, or every element of an array.
    package enum Step: Sendable, Hashable {
        case key(String)
        case each
    }

    /// What is read once the field's subject is erased: a fixed JSON value, or one worked out from the event's
    /// data when the field is encrypted (such as a date of birth giving the same age band at death), kept
    /// beside the ciphertext in the clear.
    package enum Erased: Sendable {
        case json(String)
        case computed(@Sendable (_ value: [UInt8], _ document: PersonalFieldDocument) -> String)
    }

    package var path: [Step]
    /// The subject's role in the stream (`child`, `notifier`, `professional`...). Under an `.each` step, the
    /// element's position is part of the subject (`professional-2`): each element is a person of their own.
    /// `{name}` in a role is the event's top-level string member `name` (`author-{requestID}`).
    package var role: String
    package var erased: Erased

    package init(_ path: String, role: String, erased: Erased) {
        self.path = path.split(separator: ".").map { $0 == "*" ? .each : .key(String($0)) }
        self.role = role
        self.erased = erased
    }

    /// The role, its `{name}` parts filled from the event's top-level members.
    func role(in document: PersonalFieldDocument) -> String {
        guard role.contains("{") else { return role }
        var filled = ""
        var rest = role[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            filled += rest[..<open]
            filled += document.string(at: [String(rest[rest.index(after: open)..<close])]) ?? "unknown"
            rest = rest[rest.index(after: close)...]
        }
        return filled + rest
    }

    /// The path as written: `notification.child.name.*`.
    package var pathText: String {
        path.map {
            switch $0 {
            case .key(let key): key
            case .each: "*"
            }
        }.joined(separator: ".")
    }
}

/// The plain values of an event's data, for a field whose erased value is worked out from others.
package struct PersonalFieldDocument {
    let tape: JSONTape

    package init(tape: JSONTape) { self.tape = tape }

    /// The string at `path` (object members only), or nil.
    package func string(at path: [String]) -> String? {
        var node = 0
        for key in path {
            guard let object = JSONObjectReader(tape, node: node), let member = member(object, key) else { return nil }
            node = member
        }
        return tape.plainString(node)
    }

    private func member(_ object: JSONObjectReader, _ key: String) -> Int? {
        var candidate = object.node + 1
        for _ in 0..<tape[object.node].count {
            if tape.plainString(candidate) == key { return candidate + 1 }
            candidate = tape[candidate + 1].next
        }
        return nil
    }
}

/// Every event type's personal fields.
package struct PersonalFieldCatalogue: Sendable {
    package private(set) var fields: [String: [PersonalField]] = [:]

    package init(_ fields: [String: [PersonalField]] = [:]) {
        self.fields = fields
    }

    package var isEmpty: Bool { fields.isEmpty }

    package func fields(of type: String) -> [PersonalField] { fields[type] ?? [] }
}
