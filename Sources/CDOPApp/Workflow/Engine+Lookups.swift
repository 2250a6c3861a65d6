import CDOPDomain
import CDOPProjections
import CDOPStore
import Foundation

// How what a person types (an id, a prefix, a name) is resolved to one agency, meeting, request or action: one
// place for the command line and the web alike. Cases: `Engine.resolveCase`.

extension Engine {
    /// The agency a person means: its id, an unambiguous id prefix, or its name (without case).
    package func resolveAgency(_ text: String) throws -> AgencyID {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = AgencyID(trimmed) { return id }
        let matches: [String] = try store.snapshot { db in
            let byName = try AgencyDirectory.ids(named: trimmed, in: db)
            if !byName.isEmpty { return byName }
            guard Self.mayBeIDPrefix(trimmed) else { return [] }
            return try AgencyDirectory.ids(withPrefix: trimmed.lowercased(), in: db)
        }
        return try Self.single(matches, kind: "agency", text: text, make: AgencyID.init)
    }

    /// The meeting a person means: its id or an unambiguous prefix of it.
    package func resolveMeeting(_ text: String) throws -> MeetingID {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let id = MeetingID(trimmed) { return id }
        guard Self.mayBeIDPrefix(trimmed) else { throw CommandError.notFound(kind: "meeting", reference: text) }
        let matches = try store.snapshot { db in try MeetingQueries.ids(withPrefix: trimmed, in: db) }
        return try Self.single(matches, kind: "meeting", text: text, make: MeetingID.init)
    }

    /// Long enough, and made of what an id is made of, to be looked up as the start of one.
    private static func mayBeIDPrefix(_ text: String) -> Bool {
        text.count >= 4 && text.allSatisfy { $0.isHexDigit || $0 == "-" }
    }

    private static func single<ID>(_ matches: [String], kind: String, text: String, make: (String) -> ID?) throws -> ID
    {
        switch matches.count {
        case 0: throw CommandError.notFound(kind: kind, reference: text)
        case 1:
            guard let id = make(matches[0]) else { throw CommandError.notFound(kind: kind, reference: text) }
            return id
        default: throw CommandError.ambiguous(kind: kind, reference: text, matches: matches.count)
        }
    }
}

extension CaseState {
    /// The form request a person means within this case: its id or an unambiguous prefix.
    package func resolveRequest(_ text: String) throws -> FormRequest {
        try IDMatch.one(text, in: formRequests, id: { $0.id.description }, kind: "form request", within: "on this case")
    }

    /// The recommendation or action a person means within this case: its id or an unambiguous prefix.
    package func resolveAction(_ text: String) throws -> Recommendation {
        try IDMatch.one(text, in: recommendations, id: { $0.id.description }, kind: "action", within: "on this case")
    }
}

extension MeetingState {
    /// The action agreed at this meeting that a person means: its id or an unambiguous prefix.
    package func resolveAction(_ text: String) throws -> MeetingAction {
        try IDMatch.one(text, in: actions, id: { $0.id.description }, kind: "action", within: "of this meeting")
    }
}

/// The one item of a list whose id a person typed whole or began.
enum IDMatch {
    static func one<T>(_ text: String, in items: [T], id: (T) -> String, kind: String, within: String) throws -> T {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        let matches =
            wanted.isEmpty
            ? [] : items.first(where: { id($0) == wanted }).map { [$0] } ?? items.filter { id($0).hasPrefix(wanted) }
        switch matches.count {
        case 1: return matches[0]
        case 0: throw CommandError.notFound(kind: kind, reference: "\(text) \(within)")
        default: throw CommandError.ambiguous(kind: kind, reference: text, matches: matches.count)
        }
    }
}
