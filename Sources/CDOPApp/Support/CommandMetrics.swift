import CDOPStore
import CoreMetrics

/// What the command handler reports to swift-metrics: events appended, and commands refused by code. With no
/// metrics system bootstrapped (the CLI, most tests) these go nowhere; `cdop serve` bootstraps Prometheus.
enum CommandMetrics {
    static func appended(_ results: [AppendResult]) {
        let count = results.filter { !$0.wasAlreadyStored }.reduce(0) {
            $0 + Int64($1.lastPosition - $1.firstPosition + 1)
        }
        if count > 0 { Counter(label: "cdop_events_appended_total").increment(by: count) }
    }

    static func rejected(_ error: CommandError) {
        Counter(label: "cdop_commands_rejected_total", dimensions: [("code", error.code)]).increment()
    }
}
