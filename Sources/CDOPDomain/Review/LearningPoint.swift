/// A lesson the panel drew, under a theme the annual report groups by (e.g. "safe sleep").
package struct LearningPoint: Hashable, Sendable, Codable {
    package var theme: String
    package var text: String

    package init(theme: String, text: String) {
        self.theme = theme
        self.text = text
    }
}
