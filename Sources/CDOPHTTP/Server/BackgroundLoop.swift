import ServiceLifecycle

/// A loop the server runs beside itself (the deadline scheduler, the mail dispatcher), stopped on shutdown.
struct BackgroundLoop: Service {
    let name: String
    let body: @Sendable () async -> Void

    func run() async throws {
        await cancelWhenGracefulShutdown { await body() }
    }
}
