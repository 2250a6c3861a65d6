import CDOPApp
import CDOPDomain
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird

/// What the layout shows around every page: the title, who is signed in and their navigation, the form token,
/// a notice, and the error summary of a refused form.
package struct PageChrome: Sendable, Encodable, Hashable {
    package struct NavItem: Sendable, Encodable, Hashable {
        package var label: String
        package var href: String
        package var current: Bool
    }

    /// One entry of the error summary: links to the field that is wrong.
    package struct ErrorLink: Sendable, Encodable, Hashable {
        package var field: String
        package var message: String
    }

    package var title: String
    package var panelName: String
    package var signedInAs: String?
    package var nav: [NavItem]
    package var csrf: String
    /// The session's token, for the sign-out form of the layout (a public page's forms carry `csrf`).
    package var sessionCSRF: String
    package var notice: String?
    package var errors: [ErrorLink]
    package var hasErrors: Bool { !errors.isEmpty }
    /// Mustache reads stored properties: the layout's flag for the summary.
    package var showErrorSummary: Bool

    package init(
        title: String, panelName: String, staff: StaffIdentity?, csrf: String, path: String, notice: String? = nil,
        errors: [ErrorLink] = []
    ) {
        self.title = errors.isEmpty ? title : "Error: " + title
        self.panelName = panelName
        signedInAs = staff?.user.displayName
        nav = staff.map { Self.navigation(for: $0, path: path) } ?? []
        self.csrf = csrf
        sessionCSRF = staff?.csrfToken ?? ""
        self.notice = notice
        self.errors = errors
        showErrorSummary = !errors.isEmpty
    }

    /// The chrome with `token` for the signed-in visitor's form token (a page kept for them all, with a slot).
    func withToken(_ token: String) -> PageChrome {
        var chrome = self
        chrome.csrf = token
        chrome.sessionCSRF = token
        return chrome
    }

    /// Whether the page's forms all carry the session's token (a staff page), so one slot serves them all.
    var hasOneToken: Bool { csrf == sessionCSRF }

    /// The sections a role works in.
    static func navigation(for staff: StaffIdentity, path: String) -> [NavItem] {
        var items: [(String, String)] = []
        if staff.has(.coordinator) {
            items += [("Dashboard", "/dashboard"), ("Cases", "/cases"), ("Agencies", "/agencies")]
        }
        if staff.has(.designatedDoctor) { items.append(("Rapid responses", "/rapid-responses")) }
        if staff.seesMeetings {
            items.append(("Meetings", "/meetings"))
            items.append(("Annual report", "/panel/reports/annual"))
        }
        if staff.has(.admin) { items += [("Users", "/admin/users"), ("Access log", "/admin/access-log")] }
        if staff.has(.admin) || staff.has(.coordinator) { items.append(("Privacy", "/privacy")) }
        items.append(("Account", "/account"))
        return items.map { NavItem(label: $0.0, href: $0.1, current: path == $0.1 || path.hasPrefix($0.1 + "/")) }
    }
}
