import Hummingbird

/// Times every routed request into `cdop_http_request_duration_seconds`, labelled by route pattern.
struct LatencyMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        let started = ContinuousClock.now
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            metrics.recordRequest(
                method: method, route: context.endpointPath ?? "unmatched", status: response.status.code,
                duration: ContinuousClock.now - started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.recordRequest(
                method: method, route: context.endpointPath ?? "unmatched", status: status,
                duration: ContinuousClock.now - started)
            throw error
        }
    }
}
