/// The panel's learning themes as the annual report counts them: "Safe sleep", "safe sleep" and " Safe  Sleep "
/// are one theme, named as the panel's list spells it (else as most reviews spelled it).
package struct LearningThemes: Sendable, Hashable {
    /// The panel's own list (the analysis form's suggestions), in its spelling.
    package var configured: [String]

    package init(configured: [String] = []) {
        self.configured = configured
    }

    /// What makes two spellings one theme: letters compared without case, runs of spaces as one.
    package static func key(_ theme: String) -> String {
        theme.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// How many reviews raised each theme (a review counts once per theme), each under its one name.
    package func counted(_ reviews: [[String]]) -> [(name: String, reviews: Int)] {
        var counts: [String: Int] = [:]
        var spellings: [String: [String: Int]] = [:]
        for themes in reviews {
            var seen: Set<String> = []
            for theme in themes {
                let key = Self.key(theme)
                guard !key.isEmpty, seen.insert(key).inserted else { continue }
                counts[key, default: 0] += 1
                spellings[key, default: [:]][
                    theme.split(whereSeparator: \.isWhitespace).joined(separator: " "), default: 0] += 1
            }
        }
        let names = Dictionary(configured.map { (Self.key($0), $0) }, uniquingKeysWith: { first, _ in first })
        return counts.map { key, count in
            let spelled = spellings[key] ?? [:]
            let common = spelled.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? key
            return (names[key] ?? common, count)
        }.sorted { ($1.reviews, $0.name) < ($0.reviews, $1.name) }
    }
}
