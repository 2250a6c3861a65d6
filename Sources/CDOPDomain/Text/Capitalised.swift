extension StringProtocol {
    /// The text with its first character upper-case, the rest as it is: a label at the start of a sentence or a
    /// heading ("modifiable factors identified" → "Modifiable factors identified").
    package var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
