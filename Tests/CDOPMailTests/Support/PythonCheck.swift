import Foundation

/// Python's reading of a message (Tests/Support/smtp/parse_check.py `eml`).
struct ParsedMail: Decodable, Sendable {
    struct Mailbox: Decodable, Sendable, Equatable {
        var name: String
        var address: String
    }

    struct Attachment: Decodable, Sendable {
        var filename: String?
        var contentType: String
        var size: Int
        var sha256: String
        var transferEncoding: String?
        var dumped: String?
    }

    struct Calendar: Decodable, Sendable {
        var source: String
        var methodParam: String?
        var ics: ParsedCalendar
    }

    var file: String
    var defects: [String]
    var maxLineOctets: Int
    var bareLineEndings: Int
    var nonAsciiOctets: Bool
    var endsWithCrlf: Bool
    var headerNames: [String]
    var from: [Mailbox]
    var to: [Mailbox]
    var cc: [Mailbox]
    var replyTo: [Mailbox]
    var subject: String?
    var dateUtc: String?
    var messageId: String?
    var mimeVersion: String?
    var structure: [String]
    var text: String?
    var html: String?
    var attachments: [Attachment]
    var calendars: [Calendar]
}

/// Python icalendar's reading of a VCALENDAR (parse_check.py `ics`).
struct ParsedCalendar: Decodable, Sendable {
    struct Person: Decodable, Sendable, Equatable {
        var address: String
        var cn: String?
        var role: String?
        var partstat: String?
        var rsvp: String?
    }

    struct Event: Decodable, Sendable {
        var uid: String
        var sequence: Int
        var status: String?
        var dtstartUtc: String
        var dtendUtc: String
        var dtstartUtcViaVtimezone: String?
        var dtendUtcViaVtimezone: String?
        var dtstartTzid: String?
        var dtstampUtc: String
        var summary: String?
        var description: String?
        var location: String?
        var url: String?
        var organizer: Person?
        var attendees: [Person]
    }

    var method: String?
    var timezones: [String]
    var events: [Event]
    var maxLineOctets: Int
    var crlfOnly: Bool
}

enum PythonCheck {
    /// Parses message files with Python's email package; attachments are decoded into `dumpDirectory` if given.
    static func parseMail(_ files: [URL], dumpDirectory: URL? = nil, in directory: TemporaryDirectory) async throws
        -> [ParsedMail]
    {
        var arguments = [TestPaths.parseCheckScript.path, "eml"] + files.map(\.path)
        if let dumpDirectory { arguments += ["--dump-attachments", dumpDirectory.path] }
        return try await run(arguments, in: directory)
    }

    static func parseMail(_ data: Data, in directory: TemporaryDirectory) async throws -> ParsedMail {
        let file = directory.file("message-\(UUID().uuidString.prefix(8)).eml")
        try data.write(to: file)
        return try await parseMail([file], in: directory)[0]
    }

    /// Parses an iCalendar text with Python's icalendar package.
    static func parseCalendar(_ text: String, in directory: TemporaryDirectory) async throws -> ParsedCalendar {
        let file = directory.file("invite-\(UUID().uuidString.prefix(8)).ics")
        try Data(text.utf8).write(to: file)
        return try await run([TestPaths.parseCheckScript.path, "ics", file.path], in: directory)
    }

    private static func run<T: Decodable>(_ arguments: [String], in directory: TemporaryDirectory) async throws -> T {
        let output = try await runProcess("python3", arguments, in: directory.url)
        guard output.status == 0 else {
            throw ChildProcessError(description: "parse_check.py failed (\(output.status)): \(output.stderr)")
        }
        return try snakeCaseDecoder.decode(T.self, from: output.stdout)
    }
}

/// Reads the Python helpers' snake_case JSON into camelCase properties.
let snakeCaseDecoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return decoder
}()
