import CDOPDefinitions
import CDOPDomain
import Foundation
import Synchronization

/// Practitioners' form pages as last rendered, each under everything it shows, with a slot for the visitor's CSRF
/// token: a page opened again, while its draft and request are unchanged, is not rendered again. The cache is
/// consulted only after the link has been checked and the opening recorded, so it never answers in their place;
/// it holds at most `capacity` pages and `byteBudget` bytes of them, the oldest put out first.
final class FormPageCache: Sendable {
    /// Everything a form page shows but the visitor's token: two equal inputs make the same page.
    struct Inputs: Hashable, Sendable {
        var caseReference: String
        var formType: FormType
        var values: [String: [String]]
        var agency: String
        var due: CalendarDate
        var childName: String
        var dateOfBirth: CalendarDate?
        var dateOfDeath: CalendarDate?
        var notice: String?
    }

    private struct Pages {
        var byInputs: [Inputs: SlottedPage] = [:]
        var order: [Inputs] = []
        var bytes = 0
    }

    let capacity: Int
    let byteBudget: Int
    private let pages = Mutex(Pages())

    init(capacity: Int = 128, byteBudget: Int = 4 << 20) {
        self.capacity = capacity
        self.byteBudget = byteBudget
    }

    /// The page for `inputs`: the one kept, or the one `render` makes (kept for next time).
    func page(for inputs: Inputs, render: () -> SlottedPage) -> SlottedPage {
        if let kept = pages.withLock({ $0.byInputs[inputs] }) { return kept }
        let page = render()
        pages.withLock { pages in
            guard pages.byInputs.updateValue(page, forKey: inputs) == nil else { return }
            pages.order.append(inputs)
            pages.bytes += page.byteCount
            while pages.order.count > 1, pages.order.count > capacity || pages.bytes > byteBudget {
                if let oldest = pages.byInputs.removeValue(forKey: pages.order.removeFirst()) {
                    pages.bytes -= oldest.byteCount
                }
            }
        }
        return page
    }

    /// How many pages are kept.
    var count: Int { pages.withLock { $0.byInputs.count } }
}
