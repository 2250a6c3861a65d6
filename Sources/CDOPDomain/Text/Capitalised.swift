extension StringProtocol {
    /// The text with its first character upper-case, the rest as it is: a label at the start of a sentence or a
    /// heading ("modifiable factors identified" → "Modifiable factors identified").
    package var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension String {
    /// A code in words, its first letter capitalised: `selfHarm` → "Self harm", `notificationCorrected` →
    /// "Notification corrected".
    package var camelCaseWords: String {
        var text = ""
        for character in self {
            if character.isUppercase, !text.isEmpty {
                text += " " + character.lowercased()
            } else {
                text.append(character)
            }
        }
        return text.capitalisedFirst
    }
}
