/// One comparison of totals that must agree, e.g. "age bands total = deaths notified".
package struct TotalCheck: Hashable, Sendable, Codable {
    package var table: String
    package var what: String
    package var expected: Int
    package var found: Int

    package init(table: String, what: String, expected: Int, found: Int) {
        self.table = table
        self.what = what
        self.expected = expected
        self.found = found
    }

    package var agrees: Bool { expected == found }

    /// "Deaths by age band: the total (41) is not the number of deaths notified (42)".
    package var sentence: String {
        "\(table): \(what) is \(found) but should be \(expected)"
    }
}
