import CDOPApp
import CDOPTesting
import Foundation
import Testing

/// The files in Deploy/ are checked by the tools that will read them on the panel's server.
@Suite("The deployment files")
struct DeployTests {
    static let deploy = BuiltProducts.packageRoot.appendingPathComponent("Deploy")

    @Test(
        "The systemd unit passes systemd-analyze verify",
        .enabled(if: SystemTool.exists("systemd-analyze"), "systemd-analyze is not installed: apt-get install systemd"))
    func systemdUnitVerifies() async throws {
        let folder = TemporaryDirectory("cdop-unit")
        let unit = try String(contentsOf: Self.deploy.appendingPathComponent("systemd/cdop.service"), encoding: .utf8)
        // verify checks that ExecStart's program exists: point it at the binary just built.
        let local = unit.replacingOccurrences(of: "/opt/cdop/bin/cdop", with: BuiltProducts.executable("cdop"))
        try local.write(toFile: folder.path("cdop.service"), atomically: true, encoding: .utf8)
        let result = try await SystemTool.run("systemd-analyze", ["verify", folder.path("cdop.service")])
        #expect(result.status == 0, "\(result.error)")
        #expect(!result.error.contains("cdop.service"), "systemd-analyze warned: \(result.error)")
    }

    @Test("The systemd unit confines the service to its data folder and restarts it on failure")
    func systemdUnitIsHardened() throws {
        let unit = try String(contentsOf: Self.deploy.appendingPathComponent("systemd/cdop.service"), encoding: .utf8)
        let lines = Set(unit.split(separator: "\n").map(String.init))
        for wanted in [
            "User=cdop", "ProtectSystem=strict", "NoNewPrivileges=true", "PrivateTmp=true",
            "ReadWritePaths=/var/lib/cdop", "Restart=on-failure", "EnvironmentFile=/etc/cdop/cdop.env",
        ] {
            #expect(lines.contains(wanted), "missing \(wanted)")
        }
        #expect(lines.filter { $0.hasPrefix("ReadWritePaths=") }.count == 1)
    }

    @Test(
        "The nginx site passes nginx -t with a certificate in place",
        .enabled(if: SystemTool.exists("nginx") && SystemTool.exists("openssl"), "nginx or openssl is not installed"))
    func nginxSiteIsValid() async throws {
        let folder = TemporaryDirectory("cdop-nginx")
        let certificate = try await SystemTool.run(
            "openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-keyout", folder.path("key.pem"), "-out", folder.path("cert.pem"),
            ])
        try #require(certificate.status == 0, "\(certificate.error)")
        let site = try String(contentsOf: Self.deploy.appendingPathComponent("nginx/cdop.conf"), encoding: .utf8)
            .replacingOccurrences(of: "/etc/ssl/certs/cdop.example.nhs.uk.pem", with: folder.path("cert.pem"))
            .replacingOccurrences(of: "/etc/ssl/private/cdop.example.nhs.uk.key", with: folder.path("key.pem"))
        try site.write(toFile: folder.path("site.conf"), atomically: true, encoding: .utf8)
        // The wrapper stands for Debian's /etc/nginx/nginx.conf, which includes sites-enabled/ inside http {}.
        let wrapper = """
            worker_processes 1;
            events { worker_connections 64; }
            http {
                access_log \(folder.path("access.log"));
                include \(folder.path("site.conf"));
            }
            """
        try wrapper.write(toFile: folder.path("nginx.conf"), atomically: true, encoding: .utf8)
        let result = try await SystemTool.run(
            "nginx",
            [
                "-t", "-p", folder.url.path, "-c", folder.path("nginx.conf"),
                "-g", "pid \(folder.path("nginx.pid")); error_log \(folder.path("error.log"));",
            ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.error.contains("test is successful"), "\(result.error)")
        #expect(site.contains("proxy_pass http://cdop_app") && site.contains("server 127.0.0.1:8080"))
    }

    @Test("Every setting the code reads is documented in cdop.env.example, and nothing else is")
    func environmentExampleDocumentsEverySetting() throws {
        let example = try String(contentsOf: Self.deploy.appendingPathComponent("cdop.env.example"), encoding: .utf8)
        let documented = Set(
            example.split(separator: "\n").compactMap { line -> String? in
                guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { return nil }
                return String(line[..<equals])
            })
        #expect(documented == AppConfiguration.settingNames)
        // And the names the sources mention (test and benchmark helpers aside) are exactly those.
        let read = try Self.settingNamesInSources()
        #expect(
            read == AppConfiguration.settingNames,
            "read but not listed: \(read.subtracting(AppConfiguration.settingNames))")
    }

    @Test("The example's secrets are blank")
    func exampleSecretsAreBlank() throws {
        let example = try String(contentsOf: Self.deploy.appendingPathComponent("cdop.env.example"), encoding: .utf8)
        for secret in ["CDOP_SMTP_PASSWORD", "CDOP_LINK_SECRET", "CDOP_METRICS_TOKEN"] {
            #expect(example.contains("\n\(secret)=\n"), "\(secret) must be blank in the example")
        }
    }

    @Test("The example file, read as a configuration file, is a valid configuration")
    func exampleIsAValidConfiguration() throws {
        let path = Self.deploy.appendingPathComponent("cdop.env.example").path
        let configuration = try AppConfiguration(environment: ["CDOP_CONFIG_FILE": path])
        #expect(configuration.databasePath == "/var/lib/cdop/cdop.sqlite")
        #expect(configuration.httpPort == 8080)
        #expect(configuration.panelAreas == PanelAreaSetting.demoPanel)
    }

    /// Every quoted `"CDOP_…"` literal in Sources/, leaving out the benchmark and the test support.
    static func settingNamesInSources() throws -> Set<String> {
        let sources = BuiltProducts.packageRoot.appendingPathComponent("Sources")
        var names: Set<String> = []
        let pattern = try Regex(#""(CDOP_[A-Z_]+)""#)
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", !file.path.contains("/cdop-bench/"),
                !file.path.contains("/CDOPTesting/"),
                file.lastPathComponent != "AppConfiguration+Names.swift"
            else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let name = match.output[1].substring { names.insert(String(name)) }
            }
        }
        return names
    }
}
