import CDOPDefinitions
import CDOPDomain
import Foundation
import Synchronization

/// Practitioners' form pages as last rendered, each under everything it shows, with a slot for the visitor's CSRF
/// token: a page opened again, while its draft and request are unchanged, is not rendered again. The cache is
/// consulted only after the link has been checked and the opening recorded, so it never answers in their place;
/// it holds at most `capacity` pages and `byteBudget` bytes of them, the oldest put out first.
///
/// A page that shows personal data must not outlive the data in memory for long (an erasure changes the inputs,
/// so the page before it is never shown again, but it would stay until put out): a request's page replaces the
/// page kept for the same request, and no page is kept longer than `lifetime`.
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

        /// The request the page is for: one page is kept a request.
        var request: [String] { [caseReference, formType.rawValue, agency] }
    }

    private struct Kept {
        var page: SlottedPage
        var keptAt: ContinuousClock.Instant
    }

    private struct Pages {
        var byInputs: [Inputs: Kept] = [:]
        var byRequest: [[String]: Inputs] = [:]
        var order: [Inputs] = []
        var bytes = 0

        mutating func remove(_ inputs: Inputs) {
            guard let kept = byInputs.removeValue(forKey: inputs) else { return }
            bytes -= kept.page.byteCount
            order.removeAll { $0 == inputs }
            if byRequest[inputs.request] == inputs { byRequest[inputs.request] = nil }
        }
    }

    let capacity: Int
    let byteBudget: Int
    let lifetime: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let pages = Mutex(Pages())

    init(
        capacity: Int = 128, byteBudget: Int = 4 << 20, lifetime: Duration = .seconds(600),
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.capacity = capacity
        self.byteBudget = byteBudget
        self.lifetime = lifetime
        self.now = now
    }

    /// The page for `inputs`: the one kept, or the one `render` makes (kept for next time, in place of the page
    /// kept for the same request).
    func page(for inputs: Inputs, render: () -> SlottedPage) -> SlottedPage {
        let now = now()
        let kept = pages.withLock { pages -> SlottedPage? in
            guard let kept = pages.byInputs[inputs] else { return nil }
            guard now - kept.keptAt < lifetime else {
                pages.remove(inputs)
                return nil
            }
            return kept.page
        }
        if let kept { return kept }
        let page = render()
        pages.withLock { pages in
            guard pages.byInputs[inputs] == nil else { return }
            if let earlier = pages.byRequest[inputs.request] { pages.remove(earlier) }
            pages.byInputs[inputs] = Kept(page: page, keptAt: now)
            pages.byRequest[inputs.request] = inputs
            pages.order.append(inputs)
            pages.bytes += page.byteCount
            while pages.order.count > 1, pages.order.count > capacity || pages.bytes > byteBudget {
                pages.remove(pages.order[0])
            }
        }
        return page
    }

    /// How many pages are kept.
    var count: Int { pages.withLock { $0.byInputs.count } }
}
