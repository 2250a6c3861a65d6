import CDOPDomain
import CDOPStore
import Foundation
import GRDB

/// What the coordinator looks for on `/cases` and `GET /api/v1/cases`: text (a reference, a reference in an
/// earlier record, a child's name or an NHS number), a stage, an area, a range of dates of death, and an order.
package struct CaseSearch: Sendable, Equatable {
    /// The orders a case list can be sorted in.
    package enum Sort: String, Sendable, CaseIterable {
        /// Newest notification first (the default).
        case notified
        /// Most recent death first.
        case dateOfDeath = "date-of-death"
        /// By reference, A to Z.
        case reference
        /// Longest open first.
        case daysOpen = "days-open"

        var orderBy: String {
            switch self {
            case .notified: "notified_at DESC, reference"
            case .dateOfDeath: "date_of_death DESC, reference"
            case .reference: "reference, case_id"
            case .daysOpen: "notified_at, reference"
            }
        }
    }

    package var text: String?
    package var stage: String?
    package var areaCode: String?
    package var diedFrom: CalendarDate?
    package var diedTo: CalendarDate?
    package var sort: Sort
    /// The areas the person searching may see (empty: every area).
    package var visibleAreas: Set<String>

    package init(
        text: String? = nil, stage: String? = nil, areaCode: String? = nil, diedFrom: CalendarDate? = nil,
        diedTo: CalendarDate? = nil, sort: Sort = .notified, visibleAreas: Set<String> = []
    ) {
        self.text = text.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        self.stage = stage.flatMap { $0.isEmpty ? nil : $0 }
        self.areaCode = areaCode.flatMap { $0.isEmpty ? nil : $0 }
        self.diedFrom = diedFrom
        self.diedTo = diedTo
        self.sort = sort
        self.visibleAreas = visibleAreas
    }

    /// Whether anything narrows the list (text, stage, area or dates).
    package var isNarrowed: Bool { text != nil || stage != nil || areaCode != nil || diedFrom != nil || diedTo != nil }
}

extension CaseQueries {
    /// The cases matching `search`, in its order. Text matches a reference (`CDOP-1A2B`, as a prefix), a
    /// reference in an earlier record (without case), a child's name or alias (the beginnings of its words,
    /// `ChildNameTerms`) or an NHS number (its digits).
    package static func search(_ search: CaseSearch, in db: any SQLDatabase) throws -> [CaseSummary] {
        var conditions: [String] = []
        var arguments: SQLArguments = []
        if let text = search.text?.trimmingCharacters(in: .whitespaces) {
            var alternatives: [String] = []
            var reference = text.lowercased()
            if reference.hasPrefix("cdop-") { reference.removeFirst(5) }
            if !reference.isEmpty, reference.allSatisfy({ $0.isHexDigit || $0 == "-" }) {
                alternatives.append("case_id LIKE ? || '%'")
                arguments += [reference]
            }
            alternatives.append("external_reference = ? COLLATE NOCASE")
            arguments += [text]
            let words = ChildNameTerms.words(of: text)
            if !words.isEmpty, words.joined().contains(where: \.isLetter) {
                // Every word the beginning of one of the names, or all of them run together ("TEST child").
                let holds = "instr(' ' || folded_names || ' ', ' ' || ? || ' ') > 0"
                alternatives.append("(" + words.map { _ in holds }.joined(separator: " AND ") + ")")
                arguments += try words.map { try db.searchToken($0) }
                if words.count > 1 {
                    alternatives.append(holds)
                    arguments += [try db.searchToken(words.joined())]
                }
            }
            let digits = text.filter(\.isNumber)
            if digits.count == 10, text.allSatisfy({ $0.isNumber || $0 == " " }) {
                alternatives.append("nhs_number = ?")
                arguments += [try db.searchToken(digits)]
            }
            conditions.append("(" + alternatives.joined(separator: " OR ") + ")")
        }
        if let stage = search.stage {
            conditions.append("stage = ?")
            arguments += [stage]
        }
        if let area = search.areaCode {
            conditions.append("area_code = ?")
            arguments += [area]
        }
        if let from = search.diedFrom {
            conditions.append("date_of_death >= ?")
            arguments += [from.iso]
        }
        if let to = search.diedTo {
            conditions.append("date_of_death <= ?")
            arguments += [to.iso]
        }
        if !search.visibleAreas.isEmpty {
            let areas = search.visibleAreas.sorted()
            conditions.append("area_code IN (" + areas.map { _ in "?" }.joined(separator: ", ") + ")")
            arguments += areas.map { $0 as (any SQLValueConvertible)? }
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try CaseSummary.opened(
            db.rows(
                "SELECT \(CaseTables.summaryColumns) FROM case_summaries \(filter) ORDER BY \(search.sort.orderBy)",
                arguments: arguments), in: db)
    }
}
