import Foundation

/// How a national return is sent to NCMD (`CDOP_NCMD_*`): written to a directory (the default), or each case
/// document posted to an HTTPS endpoint with a bearer token.
package struct NationalReturnSettings: Sendable, Equatable {
    package enum Adapter: Sendable, Equatable {
        /// Each return written to a folder of its own under `directory` (`CDOP_NCMD_DIR`).
        case directory(String)
        /// Each case document posted to the endpoint.
        case https(NationalReturnEndpoint)
    }

    package static let defaultDirectory = "var/ncmd"

    package var adapter = Adapter.directory(defaultDirectory)
    /// Whether `CDOP_NCMD_DIR` named the directory; if not, a database given with `--db` writes beside itself.
    package var directoryGiven = false

    package init() {}
}

/// NCMD's endpoint for the HTTPS adapter. The token is a secret: its description never shows it.
package struct NationalReturnEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// Where each case document is posted (`CDOP_NCMD_URL`, https only).
    package var url: URL
    /// The bearer token (`CDOP_NCMD_TOKEN`, or the first line of `CDOP_NCMD_TOKEN_FILE`).
    package var token: String
    /// A CA bundle to verify the endpoint's certificate (`CDOP_NCMD_CA_FILE`); nil: the system's.
    package var caFile: String?

    package init(url: URL, token: String, caFile: String? = nil) {
        self.url = url
        self.token = token
        self.caFile = caFile
    }

    package var description: String { "\(url.absoluteString) (bearer token set)" }
}

extension NationalReturnSettings {
    /// Reads `CDOP_NCMD_ADAPTER` (`directory` | `https`), `CDOP_NCMD_DIR`, `CDOP_NCMD_URL`, `CDOP_NCMD_TOKEN`,
    /// `CDOP_NCMD_TOKEN_FILE` and `CDOP_NCMD_CA_FILE` through `value` (nil: unset), adding every problem found.
    /// A problem names the setting, never the token.
    init(value: (String) -> String?, problems: inout [ConfigurationError.Problem]) {
        self.init()
        let directory = value("CDOP_NCMD_DIR")
        directoryGiven = directory != nil
        switch value("CDOP_NCMD_ADAPTER")?.lowercased() ?? "directory" {
        case "directory":
            adapter = .directory(directory ?? Self.defaultDirectory)
            for name in ["CDOP_NCMD_URL", "CDOP_NCMD_TOKEN", "CDOP_NCMD_TOKEN_FILE", "CDOP_NCMD_CA_FILE"]
            where value(name) != nil {
                problems.append(
                    .init(name, "CDOP_NCMD_ADAPTER is directory, so this setting would be silently ignored"))
            }
        case "https":
            guard let text = value("CDOP_NCMD_URL") else {
                problems.append(
                    .init("CDOP_NCMD_URL", "CDOP_NCMD_ADAPTER is https, so the endpoint's address is needed"))
                return
            }
            guard let url = URL(string: text), url.scheme?.lowercased() == "https", url.host != nil else {
                problems.append(.init("CDOP_NCMD_URL", "\"\(text)\" is not an https:// address"))
                return
            }
            guard let token = Self.token(value: value, problems: &problems) else { return }
            adapter = .https(NationalReturnEndpoint(url: url, token: token, caFile: value("CDOP_NCMD_CA_FILE")))
        case let other:
            problems.append(.init("CDOP_NCMD_ADAPTER", "\"\(other)\" must be directory or https"))
        }
    }

    /// The bearer token, from `CDOP_NCMD_TOKEN` or the first line of `CDOP_NCMD_TOKEN_FILE` (one of them).
    private static func token(value: (String) -> String?, problems: inout [ConfigurationError.Problem]) -> String? {
        switch (value("CDOP_NCMD_TOKEN"), value("CDOP_NCMD_TOKEN_FILE")) {
        case (let token?, nil):
            return token
        case (nil, let path?):
            guard let data = FileManager.default.contents(atPath: path),
                let line = String(data: data, encoding: .utf8)?.split(whereSeparator: \.isNewline).first
            else {
                problems.append(.init("CDOP_NCMD_TOKEN_FILE", "\(path) cannot be read, or holds no token"))
                return nil
            }
            return line.trimmingCharacters(in: .whitespaces)
        case (.some, .some):
            problems.append(
                .init("CDOP_NCMD_TOKEN_FILE", "set either CDOP_NCMD_TOKEN or CDOP_NCMD_TOKEN_FILE, not both"))
            return nil
        case (nil, nil):
            problems.append(
                .init(
                    "CDOP_NCMD_TOKEN",
                    "CDOP_NCMD_ADAPTER is https, so a bearer token (or CDOP_NCMD_TOKEN_FILE) is needed"))
            return nil
        }
    }
}
