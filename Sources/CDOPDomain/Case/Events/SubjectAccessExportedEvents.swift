import Foundation

/// Everything the case holds about one person was exported for them (a subject access request): the person by
/// their role in the case, never by name, and the request it answers.
package struct SubjectAccessExported: EventPayload {
    package static let typeName = "case.subjectAccessExported.v1"
    /// The person's role in the case.
    package var role: String
    /// The request it answers, in the words of whoever exported it (never the person's details).
    package var reason: String
    package var at: Date

    package var summary: String {
        "Personal data exported for a subject access request: \(SubjectErased.describe(role)) (\(reason))"
    }
}
