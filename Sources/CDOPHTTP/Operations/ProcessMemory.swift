import CProcessHeap
import Foundation

/// The server process's memory for /metrics: all it holds (resident) and the part of that which is its own heap
/// and stacks (anonymous) rather than mapped files, from /proc/self/status; and, of the C heap, what is in use and
/// what malloc keeps free, from glibc.
struct ProcessMemory: Sendable {
    var residentBytes: Double
    var anonymousBytes: Double
    var heapInUseBytes: Double
    var heapFreeBytes: Double

    static func now() -> ProcessMemory {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        return ProcessMemory(
            residentBytes: kilobytes("VmRSS:", in: status), anonymousBytes: kilobytes("RssAnon:", in: status),
            heapInUseBytes: Double(cdop_heap_bytes_in_use()), heapFreeBytes: Double(cdop_heap_bytes_free()))
    }

    /// Gives the memory malloc holds free back to the system. glibc keeps freed memory in each thread's arena at
    /// that arena's high-water mark; a server whose requests run on many threads otherwise holds the sum of them.
    @discardableResult
    static func releaseFreeHeap() -> Bool {
        cdop_heap_release_free_memory() == 1
    }

    /// A `Name:   1234 kB` line of /proc/self/status, in bytes (0 when absent).
    private static func kilobytes(_ name: String, in status: String) -> Double {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
            let value = Double(line.dropFirst(name.count).filter(\.isNumber))
        else { return 0 }
        return value * 1024
    }
}
