import Foundation

/// The coordinator finalised one part of the case's national return (the notification, a returned form or the
/// panel's outcome): it is complete and checked, ready for the annual return.
package struct NationalReturnPartFinalised: EventPayload {
    package static let typeName = "case.nationalReturnPartFinalised.v1"
    package var part: NationalReturnPart
    package var at: Date

    package var summary: String {
        switch part {
        case .notification: "Notification finalised for the national return"
        case .outcome: "Panel outcome finalised for the national return"
        case .request: "Returned form finalised for the national return"
        }
    }
}

/// The coordinator reopened a finalised part of the national return, saying why.
package struct NationalReturnPartReopened: EventPayload {
    package static let typeName = "case.nationalReturnPartReopened.v1"
    package var part: NationalReturnPart
    package var reason: String
    package var at: Date

    package var summary: String {
        switch part {
        case .notification: "Finalised notification reopened: \(reason)"
        case .outcome: "Finalised panel outcome reopened: \(reason)"
        case .request: "Finalised returned form reopened: \(reason)"
        }
    }
}
