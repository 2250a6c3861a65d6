import Foundation

/// A self-signed certificate for `localhost` and 127.0.0.1, made with openssl in a test's directory.
struct TestCertificate: Sendable {
    let certificate: URL
    let key: URL

    static func make(in directory: TemporaryDirectory) async throws -> TestCertificate {
        let cert = directory.file("cert.pem")
        let key = directory.file("key.pem")
        let output = try await runProcess(
            "openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key.path, "-out", cert.path, "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ],
            in: directory.url)
        guard output.status == 0 else { throw ChildProcessError(description: "openssl failed: \(output.stderr)") }
        return TestCertificate(certificate: cert, key: key)
    }
}
