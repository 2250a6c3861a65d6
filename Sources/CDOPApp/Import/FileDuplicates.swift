import CDOPDomain

/// Rows of one file that name the same child twice, by the rules a notification is matched by
/// (`DuplicateMatcher`), or repeat a reference: the later row is refused, naming the earlier one.
enum FileDuplicates {
    static func problems(in rows: [HistoricRow]) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        var byReference: [String: HistoricRow] = [:]
        var byKey: [DuplicateKey: [Int]] = [:]
        for (index, row) in rows.enumerated() {
            let folded = row.reference.lowercased()
            if let first = byReference[folded] {
                problems.append(
                    ImportProblem(
                        row: row.line, column: "reference",
                        "\"\(row.reference)\" is also the reference of row \(first.line); each case needs a reference of its own."
                    ))
            } else {
                byReference[folded] = row
            }
            let keys = DuplicateMatcher.keys(for: row.notification)
            let earlier = Set(keys.flatMap { byKey[$0] ?? [] }).sorted()
            for candidate in earlier {
                guard let reason = DuplicateMatcher.match(row.notification, rows[candidate].notification) else {
                    continue
                }
                let first = rows[candidate]
                problems.append(
                    ImportProblem(
                        row: row.line, column: reason == .sameNHSNumber ? "nhs_number" : nil,
                        "\(row.reference) is the same child as row \(first.line) (\(first.reference)): \(Self.words(reason)). "
                            + "A child is imported once; keep one of the two rows."))
                break
            }
            for key in keys { byKey[key, default: []].append(index) }
        }
        return problems
    }

    static func words(_ reason: DuplicateReason) -> String {
        switch reason {
        case .sameNHSNumber: "the same NHS number"
        case .sameNameAndDates: "the same name, date of birth and date of death"
        case .similarNameAndDates: "the same dates of birth and death, and names a letter or two apart"
        }
    }
}
