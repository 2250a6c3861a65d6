import Foundation

/// Where a meeting happens: a place, a call link, or both.
package struct MeetingVenue: Hashable, Sendable, Codable {
    package var place: String?
    package var callLink: String?

    package init(place: String? = nil, callLink: String? = nil) {
        self.place = place
        self.callLink = callLink
    }

    /// The venue trimmed, with at least a place or an http(s) link, or a refusal.
    package func validated() throws(DomainError) -> MeetingVenue {
        let place = TextField.optional(place)
        let link = TextField.optional(callLink)
        guard place != nil || link != nil else {
            throw DomainError(code: "meeting.venueMissing", "The meeting needs a place or a call link.")
        }
        if let link {
            let lower = link.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !link.contains(where: \.isWhitespace),
                link.count > 8
            else {
                throw DomainError(
                    code: "meeting.callLinkInvalid",
                    "The call link (\(link)) must be a web address starting with https://.")
            }
        }
        return MeetingVenue(place: place, callLink: link)
    }

    /// "Room 4, Northshire Hospital" or "online" or both.
    package var label: String {
        [place, callLink.map { _ in "online" }].compactMap { $0 }.joined(separator: " and ")
    }
}
