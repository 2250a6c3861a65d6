/// A key under which the shell indexes notifications to find the same death notified twice.
package enum DuplicateKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Same NHS number.
    case nhsNumber(String)
    /// Same folded name, date of birth and date of death.
    case identity(name: String, dateOfBirth: CalendarDate, dateOfDeath: CalendarDate)

    /// The key as one string, for an index column.
    package var description: String {
        switch self {
        case .nhsNumber(let number): "nhs:" + number
        case .identity(let name, let born, let died): "id:\(name)|\(born.iso)|\(died.iso)"
        }
    }
}

/// Why two notifications look like the same death.
package enum DuplicateReason: String, Hashable, Sendable, Codable {
    case sameNHSNumber
    case sameNameAndDates
}

/// Finds a second notification of the same death: same NHS number, or the same names (any of the child's
/// names or aliases, folded) with the same dates of birth and death.
package enum DuplicateMatcher {
    /// The keys a notification is indexed under.
    package static func keys(for notification: DeathNotification) -> Set<DuplicateKey> {
        var keys: Set<DuplicateKey> = []
        if let number = notification.child.nhsNumber.number {
            keys.insert(.nhsNumber(number.text.filter { $0.isNumber }))
        }
        let name = notification.child.name
        let names = [name.forenames + name.surname] + name.aliases
        for folded in names.map(NameNormaliser.fold) where !folded.isEmpty {
            keys.insert(
                .identity(
                    name: folded, dateOfBirth: notification.child.dateOfBirth, dateOfDeath: notification.death.date))
        }
        return keys
    }

    /// Why `candidate` looks like the same death as `existing`, or nil when it does not.
    package static func match(_ candidate: DeathNotification, _ existing: DeathNotification) -> DuplicateReason? {
        let shared = keys(for: candidate).intersection(keys(for: existing))
        if shared.contains(where: { if case .nhsNumber = $0 { true } else { false } }) { return .sameNHSNumber }
        return shared.isEmpty ? nil : .sameNameAndDates
    }
}
