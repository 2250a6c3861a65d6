import CDOPDomain
import CDOPStore
import GRDB

/// One form request of the form_requests read model, with its case's reference (`cdop form list --json`).
package struct FormRequestView: Encodable, Sendable, Equatable {
    package var requestId: String
    package var caseId: String
    package var reference: String
    package var agencyId: String
    package var agencyName: String
    package var formType: String
    package var contactEmail: String
    package var requestedAt: String
    package var dueDate: String
    package var status: String
    package var outstanding: Bool
    package var reminders: Int
    package var escalation: String?
}

extension FormRequestView {
    /// `row`: read with `columns`.
    init(_ row: SQLRow) {
        let caseId: String = row["case_id"]
        self.init(
            requestId: row["request_id"], caseId: caseId, reference: CaseID(caseId).map(\.reference) ?? caseId,
            agencyId: row["agency_id"], agencyName: row["agency_name"], formType: row["form_type"],
            contactEmail: row["contact_email"], requestedAt: row["requested_at"], dueDate: row["due_date"],
            status: row["status"], outstanding: row["outstanding"], reminders: row["reminders"],
            escalation: row["escalation"])
    }
}

/// Questions asked of the form_requests read model.
package enum FormRequestQueries {
    /// The requests of `caseID` (or of every case), only those still awaited when `outstandingOnly`; soonest due
    /// first.
    package static func list(caseID: CaseID?, outstandingOnly: Bool, in db: any SQLDatabase) throws -> [FormRequestView]
    {
        var conditions: [String] = []
        var arguments: SQLArguments = []
        if let caseID {
            conditions.append("case_id = ?")
            arguments += [caseID.description]
        }
        if outstandingOnly { conditions.append("outstanding = 1") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try db.opening(
            ["contact_email"],
            of: db.rows(
                "SELECT * FROM form_requests \(filter) ORDER BY due_date, agency_name, request_id",
                arguments: arguments)
        ).map(FormRequestView.init)
    }
}
