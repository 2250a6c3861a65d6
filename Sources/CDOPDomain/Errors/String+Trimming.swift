/// Trimming without Foundation's bridge to `NSString`, which cost a quarter of a historic import's check (every
/// field of every row, and every text a notification holds, is trimmed).
extension String {
    /// The text without white space or line breaks at either end: what
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives (the spaces below, U+000A to U+000D, U+0085, and
    /// the line and paragraph separators).
    package func trimmingWhiteSpace() -> String {
        trimming { $0.isSpace || $0.isLineBreak }
    }

    /// The text without spaces or tabs at either end (line breaks kept): what `trimmingCharacters(in: .whitespaces)`
    /// gives.
    package func trimmingSpaces() -> String {
        trimming(\.isSpace)
    }

    private func trimming(_ blank: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !blank($0) }) else { return "" }
        let last = scalars.lastIndex { !blank($0) }!
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return self }
        return String(Substring(scalars[first...last]))
    }
}

extension Unicode.Scalar {
    /// A space or tab as Foundation's `CharacterSet.whitespaces` has them on this platform: general category Zs,
    /// the tab, and the zero-width space U+200B (measured scalar by scalar; a test keeps the two in step).
    fileprivate var isSpace: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return value == 0x200B || properties.generalCategory == .spaceSeparator
    }

    /// A line break as Foundation's `CharacterSet.newlines` has them.
    fileprivate var isLineBreak: Bool {
        (0x0A...0x0D).contains(value) || value == 0x85 || value == 0x2028 || value == 0x2029
    }
}
