import Foundation

/// One person's personal data in the case was erased (their key deleted): the person by their role in the case
/// (`child`, `notifier`, `family`, `professional-2`, `author-…`), never by name, and why.
package struct SubjectErased: EventPayload {
    package static let typeName = "case.subjectErased.v1"
    /// The person's role in the case.
    package var role: String
    /// Why, in the words of whoever approved it (a policy or a request, never the person's details).
    package var reason: String
    package var at: Date

    package var summary: String { "Personal data erased: \(SubjectErased.describe(role)) (\(reason))" }

    /// A role in a coordinator's words: "the child", "the family", "professional 2 named on the notification".
    package static func describe(_ role: String) -> String {
        switch role {
        case "child": return "the child"
        case "family": return "the family"
        case "notifier": return "the person who notified the death"
        default:
            if role.hasPrefix("professional-") {
                return "professional \(role.dropFirst("professional-".count)) named on the notification"
            }
            if role.hasPrefix("parent-") {
                return "parent or carer \(role.dropFirst("parent-".count)) named on the notification"
            }
            if role.hasPrefix("author-") { return "the person who completed a form" }
            if role.hasPrefix("contact-") { return "the contact a form was requested from" }
            return role
        }
    }
}
