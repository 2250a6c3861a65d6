import CDOPApp
import CDOPProjections
import CDOPStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// GET /healthz for the load balancer and systemd's watchers, GET /metrics for Prometheus.
enum OperationsRoutes {
    static func install(_ routes: RouteTable, _ services: WebServices) {
        routes.get("/healthz", .everyone) { _, _ in
            let report = await HealthCheck(services: services).run()
            var response = API.json(report, status: report.healthy ? .ok : .serviceUnavailable)
            response.headers[.cacheControl] = "no-store"
            return response
        }

        // Access: everyone at the route table, then MetricsAccess: the bearer token, or loopback without proxy.
        routes.get("/metrics", .everyone) { request, context in
            let allowed = MetricsAccess.allows(
                authorization: request.headers[.authorization], peer: context.socketAddress,
                forwarded: request.headers[HTTPField.Name("X-Forwarded-For")!] != nil,
                token: services.engine.configuration.metricsToken)
            guard allowed else {
                return Response(
                    status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: .init(
                        byteBuffer: ByteBuffer(
                            string: "Metrics are served on loopback, or with CDOP_METRICS_TOKEN as a bearer token.\n")))
            }
            let now = services.now
            let figures = try await services.engine.store.queuedSnapshot { db in
                try OperationalFigures.read(at: now, in: db)
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: services.metrics.exposition(figures))))
        }
    }
}
