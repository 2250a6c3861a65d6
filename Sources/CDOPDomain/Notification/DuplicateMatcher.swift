/// A key under which the shell indexes notifications to find the same death notified twice.
package enum DuplicateKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Same NHS number.
    case nhsNumber(String)
    /// Same folded name, date of birth and date of death.
    case identity(name: String, dateOfBirth: CalendarDate, dateOfDeath: CalendarDate)
    /// Same dates of birth and death: only a candidate, confirmed by `DuplicateMatcher.match` (names alike).
    case dates(dateOfBirth: CalendarDate, dateOfDeath: CalendarDate)

    /// The key as one string, for an index column.
    package var description: String {
        switch self {
        case .nhsNumber(let number): "nhs:" + number
        case .identity(let name, let born, let died): "id:\(name)|\(born.iso)|\(died.iso)"
        case .dates(let born, let died): "dates:\(born.iso)|\(died.iso)"
        }
    }
}

/// Why two notifications look like the same death.
package enum DuplicateReason: String, Hashable, Sendable, Codable {
    case sameNHSNumber
    case sameNameAndDates
    /// The same dates of birth and death and names a slip of the keyboard apart ("Testchild", "Testchilde").
    case similarNameAndDates
}

/// Finds a second notification of the same death: same NHS number; or the same names (any of the child's
/// names or aliases, folded) with the same dates of birth and death; or the same dates with names a typing
/// slip apart. Alike (not identical) names with two different NHS numbers are two different children.
package enum DuplicateMatcher {
    /// The keys a notification is indexed under.
    package static func keys(for notification: DeathNotification) -> Set<DuplicateKey> {
        var keys: Set<DuplicateKey> = []
        if let number = notification.child.nhsNumber.number {
            keys.insert(.nhsNumber(number.text.filter { $0.isNumber }))
        }
        for folded in foldedNames(notification) where !folded.isEmpty {
            keys.insert(
                .identity(
                    name: folded, dateOfBirth: notification.child.dateOfBirth, dateOfDeath: notification.death.date))
        }
        keys.insert(.dates(dateOfBirth: notification.child.dateOfBirth, dateOfDeath: notification.death.date))
        return keys
    }

    /// Why `candidate` looks like the same death as `existing`, or nil when it does not.
    package static func match(_ candidate: DeathNotification, _ existing: DeathNotification) -> DuplicateReason? {
        let shared = keys(for: candidate).intersection(keys(for: existing))
        if shared.contains(where: { if case .nhsNumber = $0 { true } else { false } }) { return .sameNHSNumber }
        // The same name and dates with two NHS numbers is more likely a mistyped number: the coordinator decides.
        if shared.contains(where: { if case .identity = $0 { true } else { false } }) { return .sameNameAndDates }
        if let one = nhs(candidate), let other = nhs(existing), one != other { return nil }
        guard shared.contains(where: { if case .dates = $0 { true } else { false } }) else { return nil }
        return namesAlike(candidate.child.name, existing.child.name) ? .similarNameAndDates : nil
    }

    /// Same forename with a surname at most two edits away, or the same surname with a forename one edit away.
    static func namesAlike(_ a: PersonName, _ b: PersonName) -> Bool {
        let (forenameA, forenameB) = (NameNormaliser.fold(a.forenames), NameNormaliser.fold(b.forenames))
        let (surnameA, surnameB) = (NameNormaliser.fold(a.surname), NameNormaliser.fold(b.surname))
        guard !forenameA.isEmpty || !surnameA.isEmpty else { return false }
        if forenameA == forenameB, min(surnameA.count, surnameB.count) >= 4, editDistance(surnameA, surnameB) <= 2 {
            return true
        }
        return surnameA == surnameB && min(forenameA.count, forenameB.count) >= 3
            && editDistance(forenameA, forenameB) <= 1
    }

    /// Levenshtein distance: insertions, deletions and substitutions.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for (i, charA) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, charB) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (charA == charB ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The child's names as the matcher compares them: forenames and surname together, and each alias, folded.
    package static func foldedNames(_ notification: DeathNotification) -> [String] {
        let name = notification.child.name
        return ([name.forenames + name.surname] + name.aliases).map(NameNormaliser.fold)
    }

    private static func nhs(_ notification: DeathNotification) -> String? {
        notification.child.nhsNumber.number.map { $0.text.filter { $0.isNumber } }
    }
}
