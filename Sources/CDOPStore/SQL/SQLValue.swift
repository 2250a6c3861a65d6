import Foundation

/// One value as either engine stores it: SQLite's five storage classes, which PostgreSQL's columns are read back
/// into (a `boolean` as 0 or 1, a `numeric` as an integer when it is whole).
package enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}

extension SQLValue: Comparable {
    /// An order over every value, the same whichever engine a value was read from: NULL, then numbers (all
    /// integers before reals), text, and blobs; within a kind, by value.
    package static func < (left: SQLValue, right: SQLValue) -> Bool {
        switch (left, right) {
        case (.integer(let a), .integer(let b)): a < b
        case (.real(let a), .real(let b)): a < b
        case (.text(let a), .text(let b)): a < b
        case (.blob(let a), .blob(let b)): a.lexicographicallyPrecedes(b)
        default: left.rank < right.rank
        }
    }

    private var rank: Int {
        switch self {
        case .null: 0
        case .integer: 1
        case .real: 2
        case .text: 3
        case .blob: 4
        }
    }
}

/// A Swift value bound to a statement's parameter.
package protocol SQLValueConvertible: Sendable {
    var sqlValue: SQLValue { get }
}

/// A Swift value read from a column; `decode` gives nil when the stored value is not of its kind.
package protocol SQLDecodable {
    static func decode(_ value: SQLValue) -> Self?
}

extension SQLValue: SQLValueConvertible, SQLDecodable {
    package var sqlValue: SQLValue { self }
    package static func decode(_ value: SQLValue) -> SQLValue? { value }
}

extension String: SQLValueConvertible, SQLDecodable {
    package var sqlValue: SQLValue { .text(self) }
    package static func decode(_ value: SQLValue) -> String? {
        switch value {
        case .text(let text): text
        case .blob(let data): String(decoding: data, as: UTF8.self)
        case .integer(let number): String(number)
        default: nil
        }
    }
}

extension Substring: SQLValueConvertible {
    package var sqlValue: SQLValue { .text(String(self)) }
}

extension Int64: SQLValueConvertible, SQLDecodable {
    package var sqlValue: SQLValue { .integer(self) }
    package static func decode(_ value: SQLValue) -> Int64? {
        switch value {
        case .integer(let number): number
        case .real(let number): Int64(exactly: number)
        case .text(let text): Int64(text)
        default: nil
        }
    }
}

extension Int: SQLValueConvertible, SQLDecodable {
    package var sqlValue: SQLValue { .integer(Int64(self)) }
    package static func decode(_ value: SQLValue) -> Int? { Int64.decode(value).map(Int.init) }
}

extension Int32: SQLValueConvertible {
    package var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Bool: SQLValueConvertible, SQLDecodable {
    package var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    package static func decode(_ value: SQLValue) -> Bool? { Int64.decode(value).map { $0 != 0 } }
}

extension Double: SQLValueConvertible, SQLDecodable {
    package var sqlValue: SQLValue { .real(self) }
    package static func decode(_ value: SQLValue) -> Double? {
        switch value {
        case .real(let number): number
        case .integer(let number): Double(number)
        default: nil
        }
    }
}

extension Data: SQLValueConvertible, SQLDecodable {
    package var sqlValue: SQLValue { .blob(self) }
    package static func decode(_ value: SQLValue) -> Data? {
        switch value {
        case .blob(let data): data
        case .text(let text): Data(text.utf8)
        default: nil
        }
    }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    package var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

extension Optional: SQLDecodable where Wrapped: SQLDecodable {
    package static func decode(_ value: SQLValue) -> Wrapped?? {
        if case .null = value { return .some(nil) }
        return Wrapped.decode(value).map { .some($0) }
    }
}
