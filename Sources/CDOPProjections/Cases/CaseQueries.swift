import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// One row of the case list.
package struct CaseSummary: Sendable, Equatable, Codable {
    package var caseID: String
    package var reference: String
    package var stage: String
    package var countsForPanel: Bool
    package var childName: String
    package var sex: String
    package var dateOfBirth: String
    package var dateOfDeath: String
    package var areaCode: String?
    package var expectation: String?
    package var notifiedAt: String
    package var possibleDuplicateOf: String?
    package var duplicateOf: String?
    package var outstandingRequests: Int
    /// The case's reference in another record (a historic import's `reference`).
    package var externalReference: String?

    /// `row`: read with `CaseTables.summaryColumns`.
    init(row: SQLRow) {
        caseID = row["case_id"]
        reference = row["reference"]
        stage = row["stage"]
        countsForPanel = row["counts_for_panel"]
        childName = row["child_name"]
        sex = row["sex"]
        dateOfBirth = row["date_of_birth"]
        dateOfDeath = row["date_of_death"]
        areaCode = row["area_code"]
        expectation = row["expectation"]
        notifiedAt = row["notified_at"]
        possibleDuplicateOf = row["possible_duplicate_of"]
        duplicateOf = row["duplicate_of"]
        outstandingRequests = row["outstanding_requests"]
        externalReference = row["external_reference"]
    }
}

/// Questions asked of the case read model.
package enum CaseQueries {
    /// Cases, newest notification first, optionally of one stage and one area.
    package static func list(stage: String? = nil, areaCode: String? = nil, in db: any SQLDatabase) throws
        -> [CaseSummary]
    {
        var conditions: [String] = []
        var arguments: SQLArguments = []
        if let stage {
            conditions.append("stage = ?")
            arguments += [stage]
        }
        if let areaCode {
            conditions.append("area_code = ?")
            arguments += [areaCode]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try CaseSummary.opened(
            db.rows(
                "SELECT \(CaseTables.summaryColumns) FROM case_summaries \(filter) ORDER BY notified_at DESC, reference",
                arguments: arguments), in: db)
    }

    /// The case a person means by `text`: its full id, its reference (CDOP-1A2B3C4D), an unambiguous prefix of
    /// its id, or its reference in another record (`B11-001` from a historic import, matched without case).
    package static func resolve(_ text: String, in db: any SQLDatabase) throws -> Result<CaseID, ResolveFailure> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = CaseID(trimmed) { return .success(id) }
        var matches = try cases(withExternalReference: trimmed, in: db).map(\.description)
        var prefix = trimmed.lowercased()
        if prefix.hasPrefix("cdop-") { prefix.removeFirst(5) }
        if prefix.count >= 4, prefix.allSatisfy(\.isHexDigit) || prefix.contains("-") {
            matches += try db.values(
                String.self, "SELECT case_id FROM case_summaries WHERE case_id LIKE ? || '%' LIMIT 2", prefix)
        }
        var distinct: [String] = []
        for match in matches where !distinct.contains(match) { distinct.append(match) }
        switch distinct.count {
        case 0: return .failure(.notFound)
        case 1: return .success(CaseID(distinct[0])!)
        default: return .failure(.ambiguous(distinct.count))
        }
    }

    /// The cases (at most two: one is the answer, two an ambiguity) known by `reference` in another record.
    package static func cases(withExternalReference reference: String, in db: any SQLDatabase) throws -> [CaseID] {
        guard !reference.isEmpty else { return [] }
        return try db.values(
            String.self,
            "SELECT case_id FROM case_summaries WHERE external_reference = ? COLLATE NOCASE ORDER BY case_id LIMIT 2",
            reference
        ).compactMap(CaseID.init)
    }

    /// The summary of one case.
    package static func summary(_ caseID: CaseID, in db: any SQLDatabase) throws -> CaseSummary? {
        try db.row("SELECT \(CaseTables.summaryColumns) FROM case_summaries WHERE case_id = ?", caseID.description).map
        { try CaseSummary.opened([$0], in: db)[0] }
    }

    /// Cases already indexed under any of `keys` (the earliest notified first), excluding `caseID`.
    package static func duplicateCandidates(
        for keys: Set<DuplicateKey>, excluding caseID: CaseID, in db: any SQLDatabase
    ) throws -> [CaseID] {
        guard !keys.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: keys.count).joined(separator: ", ")
        let arguments: SQLArguments = try keys.map { try db.searchToken($0.description) } + [caseID.description]
        // Cached: a notification has three or four keys, so a handful of statements serve every lookup (a
        // historic import makes one a row; preparing each afresh cost more than running it).
        return try db.values(
            String.self,
            """
            SELECT DISTINCT k.case_id, s.notified_at FROM case_duplicate_keys k
            JOIN case_summaries s ON s.case_id = k.case_id
            WHERE k.key IN (\(placeholders)) AND k.case_id != ? AND s.duplicate_of IS NULL
            ORDER BY s.notified_at, k.case_id
            """, arguments: arguments
        ).compactMap(CaseID.init)
    }
}

/// Why a reference named no single case.
package enum ResolveFailure: Error, Equatable {
    case notFound
    case ambiguous(Int)
}

extension CaseSummary {
    /// The rows read, the child's sealed columns opened.
    static func opened(_ rows: [SQLRow], in db: any SQLDatabase) throws -> [CaseSummary] {
        try db.opening(CaseTables.sealedSummaryColumns, of: rows).map(CaseSummary.init)
    }
}
