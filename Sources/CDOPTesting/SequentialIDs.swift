import Foundation
import Synchronization

/// Identifiers handed out in order, for a data set that must come out the same at every run (the demo's): the
/// n-th has distinct leading digits, so case references (CDOP- and the first eight) differ.
package final class SequentialIDs: Sendable {
    private let count = Mutex<UInt64>(0)

    package init() {}

    package func next() -> UUID {
        let next = count.withLock {
            $0 += 1
            return $0
        }
        return UUID(
            uuidString: String(format: "%08llx-0000-4000-8000-%012llx", (next &* 2_654_435_761) & 0xFFFF_FFFF, next))!
    }
}
