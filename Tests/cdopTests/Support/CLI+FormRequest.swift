import Testing

extension CLI {
    /// The example notification notified, and Form B asked of Northgate Surgery for it: the case's reference and
    /// the request's id.
    func exampleCaseWithFormBRequested(
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> (reference: String, request: String) {
        let notified = try await json(
            "notify", Fixture.path("notification.example.json"), sourceLocation: sourceLocation)
        let reference = try #require(notified["reference"] as? String, sourceLocation: sourceLocation)
        return (reference, try await formBRequestedFromNorthgate(on: reference, sourceLocation: sourceLocation))
    }

    /// Northgate Surgery (a GP) added, involved in case `reference` and asked for its Form B, due in 14 days: the
    /// request's id.
    @discardableResult
    func formBRequestedFromNorthgate(
        on reference: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        try await json(
            "agency", "add", "--name", "Northgate Surgery", "--kind", "gp",
            "--lead", "Jo <jo@northgate.example.nhs.uk>", sourceLocation: sourceLocation)
        try await json("case", "involve", reference, "--agency", "Northgate Surgery", sourceLocation: sourceLocation)
        let requested = try await json(
            "form", "request", reference, "--agency", "Northgate Surgery", "--due", daysFromToday(14),
            sourceLocation: sourceLocation)
        return try #require(requested["requestId"] as? String, sourceLocation: sourceLocation)
    }
}
