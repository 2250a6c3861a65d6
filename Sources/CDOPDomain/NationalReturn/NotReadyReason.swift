import Foundation

/// A national item the return requires that one part of the case leaves empty.
package struct NationalItemGap: Hashable, Sendable {
    /// The item's key, e.g. "notification.B.child-postcode".
    package var item: String
    package var label: String

    package init(item: String, label: String) {
        self.item = item
        self.label = label
    }
}

/// Why a case is not ready for the national return.
package enum NotReadyReason: Hashable, Sendable, CustomStringConvertible {
    case notificationNotFinalised
    case formNotReturned(FormRequestID, form: FormType, agency: String)
    case formNotFinalised(FormRequestID, form: FormType, agency: String)
    /// The panel's outcome was set aside by reopening the case, and the panel has not recorded a new one.
    case outcomeNotRecorded
    case outcomeNotFinalised
    case requiredItemEmpty(NationalReturnPart, NationalItemGap)

    /// The kinds of reason, each counted on the coordinator's dashboard.
    package enum Kind: String, CaseIterable, Sendable {
        case notificationNotFinalised
        case formNotReturned
        case formNotFinalised
        case outcomeNotRecorded
        case outcomeNotFinalised
        case requiredItemEmpty

        /// The kind in a coordinator's words, as a dashboard row names it.
        package var label: String {
            switch self {
            case .notificationNotFinalised: "Notification not finalised"
            case .formNotReturned: "Form requested and not returned"
            case .formNotFinalised: "Form returned and not finalised"
            case .outcomeNotRecorded: "Panel outcome not recorded again after reopening"
            case .outcomeNotFinalised: "Panel outcome not finalised"
            case .requiredItemEmpty: "A required national item is empty"
            }
        }
    }

    package var kind: Kind {
        switch self {
        case .notificationNotFinalised: .notificationNotFinalised
        case .formNotReturned: .formNotReturned
        case .formNotFinalised: .formNotFinalised
        case .outcomeNotRecorded: .outcomeNotRecorded
        case .outcomeNotFinalised: .outcomeNotFinalised
        case .requiredItemEmpty: .requiredItemEmpty
        }
    }

    /// The part of the return the reason concerns.
    package var part: NationalReturnPart {
        switch self {
        case .notificationNotFinalised: .notification
        case .formNotReturned(let id, _, _), .formNotFinalised(let id, _, _): .request(id)
        case .outcomeNotRecorded, .outcomeNotFinalised: .outcome
        case .requiredItemEmpty(let part, _): part
        }
    }

    /// The reason in a coordinator's words.
    package var description: String {
        switch self {
        case .notificationNotFinalised: "The notification is not finalised."
        case .formNotReturned(_, let form, let agency): "The \(form.label) from \(agency) has not been returned."
        case .formNotFinalised(_, let form, let agency):
            "The \(form.label) from \(agency) was returned but is not finalised."
        case .outcomeNotRecorded: "The case was reopened and the panel's new outcome is not recorded."
        case .outcomeNotFinalised: "The panel's outcome is not finalised."
        case .requiredItemEmpty(let part, let gap):
            "The national item \(gap.item) (\(gap.label)) is empty on the \(Self.partName(part))."
        }
    }

    private static func partName(_ part: NationalReturnPart) -> String {
        switch part {
        case .notification: "notification"
        case .outcome: "analysis form"
        case .request: "returned form"
        }
    }
}

extension NotReadyReason.Kind {
    /// How many cases each kind of reason holds back, given the kinds each case has (a case counts once a kind), in
    /// the kinds' order, leaving out kinds that hold back none.
    package static func casesHeldBack(_ kindsOfEachCase: [Set<Self>]) -> [(kind: Self, cases: Int)] {
        allCases.compactMap { kind in
            let count = kindsOfEachCase.filter { $0.contains(kind) }.count
            return count == 0 ? nil : (kind, count)
        }
    }
}
