import Foundation

/// Progress of long work on a terminal: done, rate and time left, rewritten in place on stderr at most five
/// times a second. Silent with --json or when stderr is not a terminal (a pipe, a log, a test).
final class ProgressLine {
    private let label: String
    private let unit: String
    private let enabled: Bool
    private let started: Date
    private var lastShown = Date.distantPast
    private var shown = false

    init(_ label: String, unit: String, json: Bool) {
        self.label = label
        self.unit = unit
        enabled = !json && isatty(STDERR_FILENO) == 1
        started = Date()
    }

    /// Tells the line `done` of `total` (nil when the total is not known).
    func update(_ done: Int, of total: Int?) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastShown) >= 0.2 || done == total else { return }
        lastShown = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        var text = "\r\(label): \(done)" + (total.map { " of \($0)" } ?? "") + " \(unit) (\(Int(rate))/s"
        if let total, rate > 0, done < total {
            text += ", about \(Self.duration(Double(total - done) / rate)) left"
        }
        text += ")   "
        FileHandle.standardError.write(Data(text.utf8))
        shown = true
    }

    /// Clears the line.
    func finish() {
        guard enabled, shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }

    /// "1 min 5 s", "12 s".
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole >= 60 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }
}
