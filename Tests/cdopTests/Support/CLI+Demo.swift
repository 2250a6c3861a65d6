extension CLI {
    /// `cdop demo` with bcrypt at its lowest cost, given five minutes: the timing pass runs several at once on a
    /// loaded machine, and the demo alone takes about 20 s in a debug build.
    func loadDemo() async throws -> Run {
        try await run(["demo"], environment: ["CDOP_BCRYPT_COST": "4"], timeout: .seconds(300))
    }
}
