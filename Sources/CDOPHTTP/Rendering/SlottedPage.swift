/// A rendered page with slots where each visitor's own value goes (the form's CSRF token): the page is rendered
/// once with a random marker in the slot, cut at each marker, and joined again for each visitor with that
/// visitor's value, escaped as the template would have escaped it.
struct SlottedPage: Sendable {
    /// The page's bytes between the slots (one more than there are slots).
    let parts: [[UInt8]]

    /// The page `render` makes when given a marker for the slot's value.
    init(render: (String) -> [UInt8]) {
        let marker = "cdop-slot-" + RandomToken.make()
        parts = Self.split(render(marker), at: Array(marker.utf8))
    }

    /// The bytes the page keeps.
    var byteCount: Int { parts.reduce(0) { $0 + $1.count } }

    /// How many times the slot's value appears in the page.
    var slots: Int { parts.count - 1 }

    /// The page with `value` in every slot.
    func filled(with value: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(parts.reduce(0) { $0 + $1.count } + slots * (value.utf8.count + 16))
        for (index, part) in parts.enumerated() {
            if index > 0 { HTMLEscaping.append(value, to: &output) }
            output.append(contentsOf: part)
        }
        return output
    }

    static func split(_ bytes: [UInt8], at marker: [UInt8]) -> [[UInt8]] {
        guard let first = marker.first, marker.count <= bytes.count else { return [bytes] }
        var parts: [[UInt8]] = []
        var start = 0
        var index = 0
        while index + marker.count <= bytes.count {
            if bytes[index] == first, bytes[index..<(index + marker.count)].elementsEqual(marker) {
                parts.append(Array(bytes[start..<index]))
                index += marker.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(Array(bytes[start...]))
        return parts
    }
}
