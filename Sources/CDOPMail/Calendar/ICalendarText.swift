/// Content-line primitives of RFC 5545: TEXT escaping, parameter values and folding at 75 octets.
enum ICalendarText {
    /// TEXT value escaping (section 3.3.11): backslash, semicolon, comma, and line breaks as `\n`.
    static func escape(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            default:
                if scalar.properties.generalCategory == .control { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A parameter value (CN): always quoted; a double quote, a caret and line breaks are written as
    /// RFC 6868 caret escapes (`^'`, `^^`, `^n`), other controls dropped.
    static func parameterValue(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "^'"
            case "^": out += "^^"
            case "\n", "\r": out += "^n"
            default:
                if scalar.properties.generalCategory == .control { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A content line folded into physical lines of at most 75 octets, continuation lines starting with one
    /// space (section 3.1). Folds fall between characters, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentOctets = 0
        for character in line {
            let octets = character.utf8.count
            if currentOctets + octets > 75 {
                lines.append(current)
                current = " "
                currentOctets = 1
            }
            // A single grapheme over 74 octets (a very long emoji sequence) is folded between its scalars.
            if octets > 74 {
                for scalar in character.unicodeScalars {
                    let scalarOctets = String(scalar).utf8.count
                    if currentOctets + scalarOctets > 75 {
                        lines.append(current)
                        current = " "
                        currentOctets = 1
                    }
                    current.unicodeScalars.append(scalar)
                    currentOctets += scalarOctets
                }
                continue
            }
            current.append(character)
            currentOctets += octets
        }
        lines.append(current)
        return lines
    }
}
