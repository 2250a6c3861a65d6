/// The chasing schedule (workflow definition id and version) that drives reminders for a form request.
package struct ScheduleReference: Hashable, Sendable, Codable {
    /// The workflow definition's id, e.g. "form-b-chasing".
    package var id: String
    /// The definition's version, so later edits of the file never change a running request's chasing.
    package var version: Int

    package init(id: String, version: Int) {
        self.id = id
        self.version = version
    }
}
