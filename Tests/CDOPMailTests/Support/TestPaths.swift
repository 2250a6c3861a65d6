import Foundation

/// Where the test support files live, found from this source file's path.
enum TestPaths {
    /// `Tests/Support/smtp`: test_smtp_server.py and parse_check.py.
    static let smtpSupport: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // Support
        .deletingLastPathComponent() // CDOPMailTests
        .deletingLastPathComponent() // Tests
        .appendingPathComponent("Support/smtp", isDirectory: true)

    /// `Tests/Support/ncmd/test_ncmd_server.py`: a stand-in for NCMD's HTTPS endpoint.
    static var ncmdServerScript: URL {
        smtpSupport.deletingLastPathComponent().appendingPathComponent("ncmd/test_ncmd_server.py")
    }

    static var serverScript: URL { smtpSupport.appendingPathComponent("test_smtp_server.py") }
    static var parseCheckScript: URL { smtpSupport.appendingPathComponent("parse_check.py") }
}
