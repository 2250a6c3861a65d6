import CDOPProjections
import Foundation
import Prometheus

/// The server's Prometheus registry: HTTP latency recorded as requests finish, and the operational figures
/// (timers, outbox, events) read from the database when /metrics is asked for. The command handler's
/// counters (events appended, commands refused by code) reach the same registry through swift-metrics.
package final class ServerMetrics: Sendable {
    package let registry: PrometheusCollectorRegistry

    /// Seconds, from a fast page to a slow report.
    static let latencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    package init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    /// Records one answered request under its route pattern (never the path itself, which may carry ids).
    func recordRequest(method: String, route: String, status: Int, duration: Duration) {
        registry.makeDurationHistogram(
            name: "cdop_http_request_duration_seconds",
            labels: [("method", method), ("route", route), ("status", String(status))],
            buckets: Self.latencyBuckets,
            help: "Time to answer an HTTP request, by route pattern and status"
        ).record(duration)
    }

    /// Sets the gauges from `figures` and the process's memory, and returns the whole registry in Prometheus
    /// text format.
    func exposition(_ figures: OperationalFigures, memory: ProcessMemory = .now()) -> String {
        let gauges: [(String, String, Double)] = [
            ("cdop_process_resident_bytes", "Memory the server process holds (resident set)", memory.residentBytes),
            (
                "cdop_process_anonymous_bytes", "Resident memory that is the process's own (heap, stacks)",
                memory.anonymousBytes
            ),
            ("cdop_process_heap_in_use_bytes", "C heap handed out by malloc and not yet freed", memory.heapInUseBytes),
            ("cdop_process_heap_free_bytes", "C heap freed but still kept by malloc", memory.heapFreeBytes),
            ("cdop_events_stored", "Events in the store", Double(figures.eventsStored)),
            ("cdop_timers_due", "Pending timers whose moment has come", Double(figures.timersDue)),
            (
                "cdop_timers_overdue", "Timers due for more than five minutes and not yet fired",
                Double(figures.timersOverdue)
            ),
            ("cdop_outbox_pending", "Emails waiting to be sent", Double(figures.outboxPending)),
            (
                "cdop_outbox_dead_letters", "Emails given up on (the coordinator must act)",
                Double(figures.outboxDeadLetters)
            ),
            ("cdop_outbox_claimed", "Emails claimed by a dispatcher now", Double(figures.outboxClaimed)),
        ]
        for (name, help, value) in gauges {
            registry.makeGauge(name: name, help: help).set(to: value)
        }
        return registry.emitToString()
    }
}
