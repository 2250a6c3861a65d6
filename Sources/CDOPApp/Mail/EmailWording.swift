import CDOPDomain
import Foundation

/// Small rules of written English the emails keep whatever their values: a subject and every line begin with
/// a capital, and a name such as "The CDOP coordinator" reads "the CDOP coordinator" in mid-sentence.
enum EmailWording {
    /// A value as it reads inside a sentence: a leading "The " becomes "the " (a line that begins with it is
    /// given its capital back by `tidy`).
    static func midSentence(_ name: String) -> String {
        name.hasPrefix("The ") ? "the " + name.dropFirst(4) : name
    }

    /// The subject with a capital first letter, and each line of the body that begins with a lower-case "the".
    static func tidy(_ rendered: (subject: String, body: String)) -> (subject: String, body: String) {
        let lines = rendered.body.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("the ") ? line.capitalisedFirst : String(line)
        }
        return (rendered.subject.capitalisedFirst, lines.joined(separator: "\n"))
    }
}
