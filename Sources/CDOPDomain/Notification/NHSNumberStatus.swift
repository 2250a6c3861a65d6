/// Why a notification gives no NHS number (the two reasons the national form allows).
package enum NHSNumberAbsence: String, Hashable, Sendable, Codable, CaseIterable {
    case childNonResidentInEngland
    case notCurrentlyAvailable

    /// The reason as the form words it.
    package var label: String {
        switch self {
        case .childNonResidentInEngland: "child non-resident in England"
        case .notCurrentlyAvailable: "NHS number not currently available"
        }
    }
}

/// The child's NHS number, or the reason there is none.
package enum NHSNumberStatus: Hashable, Sendable {
    case known(NHSNumber)
    case absent(NHSNumberAbsence)

    /// The number when known.
    package var number: NHSNumber? {
        if case .known(let number) = self { number } else { nil }
    }
}

extension NHSNumberStatus: Codable {
    private enum CodingKeys: String, CodingKey {
        case number
        case absentBecause
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let number = try container.decodeIfPresent(NHSNumber.self, forKey: .number) {
            self = .known(number)
        } else {
            self = .absent(try container.decode(NHSNumberAbsence.self, forKey: .absentBecause))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .known(let number): try container.encode(number, forKey: .number)
        case .absent(let reason): try container.encode(reason, forKey: .absentBecause)
        }
    }
}
