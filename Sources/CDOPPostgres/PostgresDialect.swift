import Foundation
import Synchronization

/// SQL written for both engines, as PostgreSQL reads it. The read models' SQL is kept to what both accept; what
/// differs only in spelling is rewritten here, outside quoted text:
/// - `?` parameters become `$1`, `$2`, ...;
/// - column types: `INTEGER` is `BIGINT` (SQLite's integers are 64-bit), `BLOB` is `BYTEA`, `REAL` is
///   `DOUBLE PRECISION`; `WITHOUT ROWID` (a SQLite storage choice) is dropped;
/// - `INSERT OR IGNORE INTO` is `INSERT INTO ... ON CONFLICT DO NOTHING`;
/// - `instr` is `strpos` (the same arguments, the same answer);
/// - `?NNN` (a numbered parameter) is `$NNN`; `INDEXED BY name` (SQLite's index hint) is dropped.
package enum PostgresDialect {
    /// `sql`'s statements (split at `;` outside quotes), each rewritten for PostgreSQL.
    package static func statements(of sql: String) -> [String] {
        split(sql).map(translate).filter { !$0.isEmpty }
    }

    /// `statements(of:)`, remembered: the read models run the same few hundred statements again and again,
    /// and rewriting one costs more than sending it.
    package static func cachedStatements(of sql: String) -> [String] {
        if let known = rewritten.withLock({ $0[sql] }) { return known }
        let statements = statements(of: sql)
        rewritten.withLock { cache in
            // Statements are written in the code, so there are few; a bound all the same, should one be made
            // of values.
            if cache.count >= 4_096 { cache.removeAll() }
            cache[sql] = statements
        }
        return statements
    }

    private static let rewritten = Mutex<[String: [String]]>([:])

    /// One statement rewritten for PostgreSQL.
    package static func translate(_ statement: String) -> String {
        var output = ""
        var word = ""
        var parameter = 0
        var ignoresConflicts = false
        var words: [String] = [] // the statement's last words, upper-cased, outside quotes

        func flushWord() {
            guard !word.isEmpty else { return }
            let upper = word.uppercased()
            words.append(upper)
            switch upper {
            case "INTEGER": output += "BIGINT"
            case "BLOB": output += "BYTEA"
            case "REAL": output += "DOUBLE PRECISION"
            case "INSTR": output += "strpos"
            default: output += word
            }
            word = ""
            if words.suffix(3) == ["INSERT", "OR", "IGNORE"] {
                output = String(output.dropLast("OR IGNORE".count)).trimmingTrailingSpace()
                ignoresConflicts = true
            } else if words.suffix(2) == ["WITHOUT", "ROWID"] {
                output = String(output.dropLast("WITHOUT ROWID".count)).trimmingTrailingSpace()
            } else if words.suffix(3).dropLast() == ["INDEXED", "BY"] {
                output = String(output.dropLast("INDEXED BY ".count + words[words.count - 1].count))
                    .trimmingTrailingSpace()
            }
        }

        var characters = PeekingIterator(statement)
        while let character = characters.next() {
            if character.isLetter || character.isNumber || character == "_" || (character == "." && !word.isEmpty) {
                word.append(character)
                continue
            }
            flushWord()
            switch character {
            case "?":
                var number = ""
                while let next = characters.peek(), next.isNumber {
                    number.append(next)
                    _ = characters.next()
                }
                if number.isEmpty {
                    parameter += 1
                    number = "\(parameter)"
                }
                output += "$" + number
            case "'", "\"":
                output.append(character)
                while let quoted = characters.next() {
                    output.append(quoted)
                    if quoted == character { break }
                }
            default:
                output.append(character)
            }
        }
        flushWord()
        output = output.trimmingTrailingSpace()
        if ignoresConflicts { output += " ON CONFLICT DO NOTHING" }
        return output
    }

    /// `sql` split into statements at each `;` outside quotes.
    static func split(_ sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var quote: Character?
        for character in sql {
            if let open = quote {
                current.append(character)
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
                current.append(character)
            } else if character == ";" {
                statements.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        statements.append(current)
        return statements.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}

extension String {
    fileprivate func trimmingTrailingSpace() -> String {
        var text = self
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}

/// The characters of a string, with a look at the next one before taking it.
private struct PeekingIterator {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) { characters = Array(text) }

    func peek() -> Character? { index < characters.count ? characters[index] : nil }

    mutating func next() -> Character? {
        defer { index += 1 }
        return peek()
    }
}
