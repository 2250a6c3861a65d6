import Foundation

/// A file attached to a mail, sent base64-encoded.
package struct MailAttachment: Sendable, Hashable {
    /// The name the recipient sees; any script, no path separators or control characters.
    package var filename: String
    /// A MIME type such as `application/pdf`.
    package var contentType: String
    package var data: Data

    package init(filename: String, contentType: String, data: Data) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}
