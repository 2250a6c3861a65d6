/// What a started schedule chases: one form request, the case's rapid response, the case's review, or the
/// retention of a closed case's personal data.
package enum ScheduleTarget: Hashable, Sendable, CustomStringConvertible {
    case formRequest(FormRequestID)
    case rapidResponse
    case caseReview
    /// The retention period after the case's `closure`-th closing (1 for the first; a reopened case closed again
    /// starts a new period, with timers of its own).
    case retention(closure: Int)

    /// A stable text form, e.g. "form-request:5f3e…", used in timer ids and the timers table.
    package var key: String {
        switch self {
        case .formRequest(let id): "form-request:\(id)"
        case .rapidResponse: "rapid-response"
        case .caseReview: "case-review"
        case .retention(let closure): "retention:\(closure)"
        }
    }

    package var description: String { key }

    /// Whether this is a retention period (which runs whatever became of the case).
    package var isRetention: Bool {
        if case .retention = self { true } else { false }
    }

    /// Parses `key`.
    package init?(key: String) {
        switch key {
        case "rapid-response": self = .rapidResponse
        case "case-review": self = .caseReview
        case _ where key.hasPrefix("retention:"):
            guard let closure = Int(key.dropFirst("retention:".count)), closure >= 1 else { return nil }
            self = .retention(closure: closure)
        default:
            guard key.hasPrefix("form-request:"), let id = FormRequestID(String(key.dropFirst("form-request:".count)))
            else { return nil }
            self = .formRequest(id)
        }
    }
}

extension ScheduleTarget: Codable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let target = ScheduleTarget(key: try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a schedule target")
        }
        self = target
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }
}
