/// Names one child's case (stream `case-<uuid>`).
package enum CaseIdentity: IdentifierKind { package static let streamPrefix = "case" }
/// Names one meeting (stream `meeting-<uuid>`).
package enum MeetingIdentity: IdentifierKind { package static let streamPrefix = "meeting" }
/// Names one agency in the directory (stream `agency-<uuid>`).
package enum AgencyIdentity: IdentifierKind { package static let streamPrefix = "agency" }
/// Names one reporting-form request inside a case.
package enum FormRequestIdentity: IdentifierKind { package static let streamPrefix = "form-request" }
/// Names one action or recommendation, in a case or a meeting.
package enum ActionIdentity: IdentifierKind { package static let streamPrefix = "action" }

/// Identifies a child's case; its stream is `case-<uuid>`.
package typealias CaseID = Identifier<CaseIdentity>
/// Identifies a meeting; its stream is `meeting-<uuid>`.
package typealias MeetingID = Identifier<MeetingIdentity>
/// Identifies an agency in the directory; its stream is `agency-<uuid>`.
package typealias AgencyID = Identifier<AgencyIdentity>
/// Identifies a reporting-form (Form B) request within its case.
package typealias FormRequestID = Identifier<FormRequestIdentity>
/// Identifies an action or recommendation with an owner and a due date.
package typealias ActionID = Identifier<ActionIdentity>

/// Names one member of staff who signs in (stream `user-<uuid>`).
package enum UserIdentity: IdentifierKind { package static let streamPrefix = "user" }
/// Identifies a member of staff; their stream `user-<uuid>` holds their account's history and their access log.
package typealias UserID = Identifier<UserIdentity>
