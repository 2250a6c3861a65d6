import CDOPDomain
import CDOPStore
import Crypto
import Foundation

/// Imports historic cases from a spreadsheet saved as CSV: each row becomes a case through the engine's own
/// commands (notification, triage, and when reviewed: ready, listed at a panel meeting of that day, outcome).
///
/// All or nothing: every row is checked column by column first, then all rows are decided in one
/// transaction; any refusal appends nothing. The command id is derived from the file's bytes, so importing
/// the same file again appends nothing. No schedules start and no mail is written.
package struct HistoricImport: Sendable {
    package let workflow: CaseWorkflow
    package let panel: PanelConfiguration

    package init(workflow: CaseWorkflow, panel: PanelConfiguration) {
        self.workflow = workflow
        self.panel = panel
    }

    /// What an import did.
    package struct Summary: Sendable, Equatable, Codable {
        package var cases: Int
        package var reviewed: Int
        package var events: Int
        /// True when this file had been imported before: nothing new was written.
        package var alreadyImported: Bool
    }

    /// The rows of `text`, checked, or every problem found.
    package func rows(_ text: String) throws(ImportError) -> [HistoricRow] {
        let table = try CSVTable(parsing: text)
        guard let heading = table.rows.first else { throw .empty }
        let names = heading.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let known = Set(HistoricColumns.all.map(\.name))
        let unknown = names.filter { !known.contains($0) }
        if !unknown.isEmpty { throw .unknownColumns(unknown) }
        let missing = HistoricColumns.all.filter { $0.required && !names.contains($0.name) }.map(\.name)
        if !missing.isEmpty { throw .missingColumns(missing) }
        var rows: [HistoricRow] = []
        var problems: [ImportProblem] = []
        for row in table.rows.dropFirst() {
            guard row.fields.count == names.count else {
                problems.append(
                    ImportProblem(row: row.line, column: nil, "has \(row.fields.count) fields but the heading names \(names.count) columns."))
                continue
            }
            switch HistoricRow.parse(Dictionary(zip(names, row.fields)) { first, _ in first }, line: row.line, panel: panel) {
            case .success(let parsed): rows.append(parsed)
            case .failure(let found): problems += found.problems
            }
        }
        if !problems.isEmpty { throw .invalidRows(problems) }
        return rows
    }

    /// Imports `text` as `actor`; `progress` is told the rows decided and the total.
    package func run(_ text: String, by actor: Actor, progress: (Int, Int) -> Void = { _, _ in }) throws(ImportError) -> Summary {
        let rows = try rows(text)
        var problems: [ImportProblem] = []
        let outcome: CommandHandler.Outcome<Int>
        do {
            outcome = try workflow.handler.run(by: actor, commandID: Self.commandID(of: text)) { session throws(CommandError) -> Int in
                var meetings: [CalendarDate: MeetingID] = [:]
                for (index, row) in rows.enumerated() {
                    do throws(CommandError) {
                        try decide(row, in: session, meetings: &meetings)
                    } catch {
                        problems.append(Self.problem(row, error))
                    }
                    progress(index + 1, rows.count)
                }
                if !problems.isEmpty { throw .rejected(DomainError(code: "import.invalidRows", "rows refused")) }
                return rows.filter { $0.review != nil }.count
            }
        } catch {
            if !problems.isEmpty { throw .invalidRows(problems) }
            throw .failed(error.description)
        }
        let events = outcome.appended.reduce(0) { $0 + Int($1.lastPosition - $1.firstPosition + 1) }
        return Summary(
            cases: outcome.wasRepeat ? 0 : rows.count, reviewed: outcome.value ?? 0, events: events,
            alreadyImported: outcome.wasRepeat)
    }

    /// The commands of one row, in one session.
    private func decide(_ row: HistoricRow, in session: CommandSession, meetings: inout [CalendarDate: MeetingID]) throws(CommandError) {
        let caseID = CaseID(workflow.makeID())
        try session.decideOnCase(caseID, .notify(caseID: caseID, notification: row.notification, possibleDuplicateOf: nil), schedules: nil)
        try session.decideOnCase(caseID, .triage(expectation: row.expectation, confirmedBy: "Historic records", triggers: []), schedules: nil)
        if row.expectation == .unexpected {
            try session.decideOnCase(
                caseID, .completeRapidResponse(note: "Historic case: the rapid response is in the panel's earlier records."),
                schedules: nil)
        }
        guard let review = row.review else { return }
        try session.decideOnCase(caseID, .markReadyForPanel, schedules: nil)
        let meetingID = try meeting(on: review.reviewedOn, in: session, meetings: &meetings)
        try session.decide(MeetingDecider.self, meetingID.streamID, .addCaseToAgenda(caseID))
        try session.decideOnCase(caseID, .assignToPanelMeeting(meetingID: meetingID, meetingDate: review.reviewedOn), schedules: nil)
        try session.decideOnCase(caseID, .recordPanelOutcome(review), schedules: nil)
    }

    /// The panel meeting of `day` in the historic records, scheduled the first time a row needs it.
    private func meeting(
        on day: CalendarDate, in session: CommandSession, meetings: inout [CalendarDate: MeetingID]
    ) throws(CommandError) -> MeetingID {
        if let known = meetings[day] { return known }
        let id = MeetingID(workflow.makeID())
        let start = LondonTime.instant(on: day, at: TimeOfDay(hour: 10, minute: 0)!)
        try session.decide(
            MeetingDecider.self, id.streamID,
            .schedule(
                meetingID: id, type: .panel, title: "Panel meeting (historic records)", startsAt: start,
                endsAt: start.addingTimeInterval(7200), venue: MeetingVenue(place: "Recorded in the panel's earlier records"),
                theme: nil))
        meetings[day] = id
        return id
    }

    /// A refusal of a row, with the column it concerns when the refusal says.
    static func problem(_ row: HistoricRow, _ error: CommandError) -> ImportProblem {
        let code = error.code
        let columns: [(String, String)] = [
            ("nhsNumber", "nhs_number"), ("surname", "surname"), ("dateOfBirth", "date_of_birth"),
            ("ageEighteen", "date_of_birth"), ("dateOfDeathAfterNotification", "date_notified"),
            ("dateInFuture", "date_notified"), ("unknownArea", "area_code"), ("category", "category"),
            ("ModifiableFactor", "modifiable_factors"), ("modifiableFactor", "modifiable_factors"),
            ("legacyPreventability", "preventability"), ("learning", "learning_themes"), ("dateBeforeDeath", "reviewed_on"),
        ]
        var column = columns.first { code.contains($0.0) }?.1
        if column == "date_notified", code == "input.dateInFuture", row.review != nil,
            error.description.contains("review")
        {
            column = "reviewed_on"
        }
        return ImportProblem(row: row.line, column: column, "\(error.description) (case \(row.reference))")
    }

    /// A command id from the file's bytes: the same file imported twice is one command.
    static func commandID(of text: String) -> UUID {
        var bytes = Array(SHA256.hash(data: Data(("cdop.import.v1\n" + text).utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                           bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
