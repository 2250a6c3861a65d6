import Foundation
import Testing

@testable import CDOPPrivacy

/// The bytes sealing writes by hand must be the bytes Foundation would write: a box is bound to its subject and
/// event by exactly those bytes, so data sealed before opens after.
@Suite("The bytes a sealed field is bound to and written in")
struct SealingBytesTests {
    @Test("The binding is the subject, a newline and the event's id in lower case, for any id")
    func bindingIsTheSubjectAndTheLowerCaseID() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1_000 {
            let id = UUID()
            let subject = "case-\(UInt64.random(in: 0 ... .max, using: &generator))/parent-1"
            #expect(FieldEncryption.binding(subject, id) == Data("\(subject)\n\(id.uuidString.lowercased())".utf8))
        }
    }

    @Test("Base64 is Foundation's, padding included, for every length up to 200 bytes")
    func base64IsFoundations() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...200 {
            let data = Data((0..<length).map { _ in UInt8.random(in: 0 ... .max, using: &generator) })
            var output: [UInt8] = []
            FieldEncryption.appendBase64(data, to: &output)
            #expect(String(decoding: output, as: UTF8.self) == data.base64EncodedString(), "\(length) bytes")
        }
    }
}
