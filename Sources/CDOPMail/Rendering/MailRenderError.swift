/// Why a message cannot be rendered. The descriptions name the field, never the body of the message.
package enum MailRenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message has no recipient in To or Cc.
    case noRecipients
    /// A header text (the subject) holds a line break or another control character.
    case headerHasControlCharacter(field: String)
    /// An attachment's file name is empty, or holds a path separator or control character.
    case invalidAttachmentFilename(String)
    /// An attachment's content type is not `type/subtype` of MIME token characters.
    case invalidContentType(String)

    package var description: String {
        switch self {
        case .noRecipients: "the message has no recipient"
        case .headerHasControlCharacter(let field): "the \(field) contains a line break or control character"
        case .invalidAttachmentFilename(let name): "the attachment name \"\(name)\" is empty or not a plain file name"
        case .invalidContentType(let type): "\"\(type)\" is not a MIME content type such as application/pdf"
        }
    }
}
