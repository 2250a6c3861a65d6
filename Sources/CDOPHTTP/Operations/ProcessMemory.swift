import Foundation

/// The server process's memory for /metrics, from /proc/self/status: all it holds (resident), and the part of
/// that which is its own heap and stacks (anonymous) rather than mapped files and shared memory.
struct ProcessMemory: Sendable {
    var residentBytes: Double
    var anonymousBytes: Double

    static func now() -> ProcessMemory {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        return ProcessMemory(
            residentBytes: kilobytes("VmRSS:", in: status), anonymousBytes: kilobytes("RssAnon:", in: status))
    }

    /// A `Name:   1234 kB` line of /proc/self/status, in bytes (0 when absent).
    private static func kilobytes(_ name: String, in status: String) -> Double {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
            let value = Double(line.dropFirst(name.count).filter(\.isNumber))
        else { return 0 }
        return value * 1024
    }
}
