import CDOPDomain
import CDOPMail
import CDOPPostgres
import Foundation

extension AppConfiguration {
    /// Reads the `CDOP_*` variables over the defaults, collecting every problem before failing. When
    /// `CDOP_CONFIG_FILE` names a file, its settings come first and the environment overrides them.
    package init(environment variables: [String: String]) throws(ConfigurationError) {
        self.init()
        var problems: [ConfigurationError.Problem] = []
        var environment = variables
        if let path = variables["CDOP_CONFIG_FILE"]?.trimmingCharacters(in: .whitespaces), !path.isEmpty {
            if let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) {
                let file = ConfigurationFile(text: text, path: path, knownNames: Self.settingNames)
                problems += file.problems
                environment = file.values.merging(variables) { _, fromEnvironment in fromEnvironment }
            } else {
                problems.append(.init("CDOP_CONFIG_FILE", "\(path) cannot be read"))
            }
        }
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        /// A name shown in emails' headers (From, Reply-To, the invitation's organiser): one that could not be
        /// mailed is refused now rather than failing every email later.
        func displayName(_ variable: String) -> String? {
            guard let name = value(variable) else { return nil }
            guard let reason = DisplayName.problem(in: name) else { return name }
            problems.append(.init(variable, "\"\(name.replacingOccurrences(of: "\n", with: " "))\" \(reason)"))
            return nil
        }

        if let db = value("CDOP_DB") { databasePath = db }
        if let url = value("CDOP_DATABASE_URL") {
            if let problem = PostgresAddress.problem(in: url) {
                problems.append(.init("CDOP_DATABASE_URL", problem))
            } else {
                databaseURL = url
            }
        }
        if let keys = value("CDOP_KEYS_DB") { keysDatabasePath = keys }
        if let url = value("CDOP_KEYS_DATABASE_URL") {
            if let problem = PostgresAddress.problem(in: url) {
                problems.append(.init("CDOP_KEYS_DATABASE_URL", problem))
            } else if let events = databaseURL, Self.sameDatabase(events, url) {
                problems.append(
                    .init(
                        "CDOP_KEYS_DATABASE_URL",
                        "names the events' database (CDOP_DATABASE_URL): the keys must be in a database of their own, "
                            + "so that a copy of the events alone holds no readable personal data"))
            } else {
                keysDatabaseURL = url
            }
        }
        if let definitions = value("CDOP_DEFINITIONS") { definitionsPath = definitions }
        if let host = value("CDOP_HTTP_HOST") { httpHost = host }
        if let port = value("CDOP_HTTP_PORT") {
            if let number = Int(port), (1...65_535).contains(number) {
                httpPort = number
            } else {
                problems.append(.init("CDOP_HTTP_PORT", "\"\(port)\" is not a port number from 1 to 65535"))
            }
        }
        if let base = value("CDOP_BASE_URL") {
            if let url = URL(string: base), ["http", "https"].contains(url.scheme ?? ""), url.host != nil {
                baseURL = url
            } else {
                problems.append(.init("CDOP_BASE_URL", "\"\(base)\" is not an http:// or https:// address"))
            }
        }
        spoolDirectoryGiven = value("CDOP_SPOOL_DIR") != nil
        do {
            mail = try MailSettings(environment: environment)
        } catch {
            problems.append(.init(error.variable, error.reason))
        }
        if let name = displayName("CDOP_COORDINATOR_NAME") { coordinatorName = name }
        for (variable, keyPath) in [
            ("CDOP_COORDINATOR_EMAIL", \AppConfiguration.coordinatorEmail),
            ("CDOP_DESIGNATED_DOCTOR_EMAIL", \AppConfiguration.designatedDoctorEmail),
            ("CDOP_PANEL_CHAIR_EMAIL", \AppConfiguration.panelChairEmail),
        ] {
            guard let address = value(variable) else { continue }
            if (try? MailAddress(address)) != nil {
                self[keyPath: keyPath] = address
            } else {
                problems.append(.init(variable, "\"\(address)\" is not an email address"))
            }
        }
        if let days = value("CDOP_LINK_DAYS") {
            if let number = Int(days), (1...365).contains(number) {
                linkDays = number
            } else {
                problems.append(.init("CDOP_LINK_DAYS", "\"\(days)\" is not a number of days from 1 to 365"))
            }
        }
        if let demo = value("CDOP_DEMO") {
            switch demo.lowercased() {
            case "1", "true", "yes": loadDemoData = true
            case "0", "false", "no": loadDemoData = false
            default: problems.append(.init("CDOP_DEMO", "\"\(demo)\" must be 1 or 0"))
            }
        }
        if let tick = value("CDOP_TICK_SECONDS") {
            if let seconds = Int(tick), (1...86_400).contains(seconds) {
                tickInterval = .seconds(seconds)
            } else {
                problems.append(.init("CDOP_TICK_SECONDS", "\"\(tick)\" is not a number of seconds from 1 to 86400"))
            }
        }
        if let cost = value("CDOP_BCRYPT_COST") {
            if let number = UInt8(cost), (4...31).contains(number) {
                bcryptCost = number
            } else {
                problems.append(.init("CDOP_BCRYPT_COST", "\"\(cost)\" is not a bcrypt cost from 4 to 31"))
            }
        }
        if let name = displayName("CDOP_PANEL_NAME") { panelName = name }
        if let areas = value("CDOP_PANEL_AREAS") {
            switch PanelAreaSetting.parseList(areas) {
            case .success(let parsed): panelAreas = parsed
            case .failure(let reason): problems.append(.init("CDOP_PANEL_AREAS", reason.text))
            }
        }
        if let hex = environment["CDOP_LINK_SECRET"], !hex.isEmpty {
            if hex.count == 64, let secret = Data(hex: hex) {
                linkSecret = secret
            } else {
                problems.append(.init("CDOP_LINK_SECRET", "it must be 64 hexadecimal characters (256 bits)"))
            }
        }
        if let level = value("CDOP_LOG_LEVEL") {
            let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
            if levels.contains(level.lowercased()) {
                logLevel = level.lowercased()
            } else {
                problems.append(.init("CDOP_LOG_LEVEL", "\"\(level)\" is not one of \(levels.joined(separator: ", "))"))
            }
        }
        if let token = value("CDOP_METRICS_TOKEN") {
            if token.count >= 32 {
                metricsToken = token
            } else {
                problems.append(.init("CDOP_METRICS_TOKEN", "it must be at least 32 characters long"))
            }
        }
        if let text = value("CDOP_TRUSTED_PROXIES") {
            switch TrustedProxies.parse(text) {
            case .success(let proxies): trustedProxies = proxies
            case .failure(let reason): problems.append(.init("CDOP_TRUSTED_PROXIES", reason.text))
            }
        }
        if let text = value("CDOP_LEGACY_SCALE_UNTIL") {
            if let day = CalendarDate(iso: text) {
                legacyScaleUntil = day
            } else {
                problems.append(.init("CDOP_LEGACY_SCALE_UNTIL", "\"\(text)\" is not a date written YYYY-MM-DD"))
            }
        }
        if let text = value("CDOP_MIN_FREE_MB") {
            if let megabytes = Int(text), megabytes >= 0 {
                minimumFreeMegabytes = megabytes
            } else {
                problems.append(.init("CDOP_MIN_FREE_MB", "\"\(text)\" is not a whole number of megabytes"))
            }
        }
        if let text = value("CDOP_DB_CACHE_KB") {
            if let kibibytes = Int(text), (64...1_048_576).contains(kibibytes) {
                databaseCacheKiB = kibibytes
            } else {
                problems.append(.init("CDOP_DB_CACHE_KB", "\"\(text)\" is not a number of KiB from 64 to 1048576"))
            }
        }
        if let text = value("CDOP_DB_READERS") {
            if let readers = Int(text), (1...64).contains(readers) {
                databaseReaders = readers
            } else {
                problems.append(.init("CDOP_DB_READERS", "\"\(text)\" is not a number of connections from 1 to 64"))
            }
        }
        nationalReturn = NationalReturnSettings(value: value, problems: &problems)
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
    }
}

extension PanelAreaSetting {
    /// Parses `CODE=Name;CODE=Name`, refusing empty, malformed or repeated codes.
    static func parseList(_ text: String) -> Result<[PanelAreaSetting], ReasonText> {
        var areas: [PanelAreaSetting] = []
        for entry in text.split(separator: ";") {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                return .failure("\"\(entry)\" is not CODE=Name (areas are separated by ';')")
            }
            guard !areas.contains(where: { $0.code == parts[0] }) else {
                return .failure("the area code \(parts[0]) appears twice")
            }
            areas.append(PanelAreaSetting(code: parts[0], name: parts[1]))
        }
        return areas.isEmpty ? .failure("no areas given") : .success(areas)
    }
}

/// A reason as plain text, usable as a `Result` failure.
struct ReasonText: Error, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    var text: String
    init(stringLiteral value: String) { text = value }
    init(stringInterpolation: DefaultStringInterpolation) { text = String(stringInterpolation: stringInterpolation) }
}

extension AppConfiguration {
    /// Whether two PostgreSQL addresses name the same database on the same server, whoever connects.
    static func sameDatabase(_ first: String, _ second: String) -> Bool {
        guard let a = try? PostgresAddress(first), let b = try? PostgresAddress(second) else { return false }
        return a.host == b.host && a.port == b.port && a.database == b.database
    }
}
