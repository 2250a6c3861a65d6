import Foundation

/// A message as it goes on the wire: RFC 5322 bytes with CRLF line endings, no line over 998 octets.
package struct RenderedMail: Sendable, Hashable {
    package let messageID: MessageID
    package let data: Data

    package init(messageID: MessageID, data: Data) {
        self.messageID = messageID
        self.data = data
    }
}
