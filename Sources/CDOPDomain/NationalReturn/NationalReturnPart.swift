import Foundation

/// A part of a case's national return that the coordinator finalises: the notification, one returned form
/// (the reporting form or a supplementary form, by request), or the panel's outcome (the analysis form).
/// Written as "notification", "outcome" or the request's id.
package enum NationalReturnPart: Hashable, Sendable, Codable, CustomStringConvertible {
    case notification
    case outcome
    case request(FormRequestID)

    /// Parses "notification", "outcome" or a request id; nil for anything else.
    package init?(_ text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "notification": self = .notification
        case "outcome", "analysis": self = .outcome
        case let other:
            guard let id = FormRequestID(other) else { return nil }
            self = .request(id)
        }
    }

    package var description: String {
        switch self {
        case .notification: "notification"
        case .outcome: "outcome"
        case .request(let id): id.description
        }
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let part = NationalReturnPart(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Not 'notification', 'outcome' or a form request's id")
        }
        self = part
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
