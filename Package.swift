// swift-tools-version: 6.1
import PackageDescription

// Every target of ours: Swift 6 language mode, explicit existentials, explicit imports.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// Every dependency is pinned to one exact version, so a build today and a build next year compile the same code.
let package = Package(
    name: "cdop",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cdop", targets: ["cdop"]),
        .executable(name: "cdop-bench", targets: ["cdop-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", exact: "0.2.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        // MARK: Libraries

        // Canonical JSON, fast: a tape decoder (unsafe-pointer scanning, Foundation's values and errors) and a
        // writer (Foundation's bytes); payloads may read and write themselves by hand (`TapeReadable`,
        // `CanonicalWritable`). Knows no domain: its user says how instants are spelt (`InstantSpelling`).
        .target(name: "CDOPJSON", swiftSettings: strictSettings),
        // The few primitives several modules need and none owns: UUID text, FNV-1a, days since the epoch and the
        // UK's summer-time rule.
        .target(name: "CDOPPrimitives", swiftSettings: strictSettings),
        // Pure: value types, events, commands, decide/evolve. No clock, no I/O.
        .target(name: "CDOPDomain", dependencies: ["CDOPJSON", "CDOPPrimitives"], swiftSettings: strictSettings),
        // The append-only event store over SQLite (GRDB DatabasePool, WAL, one writer).
        .target(
            name: "CDOPStore",
            dependencies: [
                "CDOPPrimitives", "CSQLiteSettings",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // SQLite's process-wide settings, through typed wrappers of its variadic sqlite3_config.
        .systemLibrary(name: "CSQLiteSettings", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CProcessHeap"),
        // posix_spawn's glibc extensions, for the tests' child processes (Sources/CSpawn/shim.h).
        .systemLibrary(name: "CSpawn"),
        // Projectors (event -> rows in the append's transaction) and queries.
        .target(
            name: "CDOPProjections",
            dependencies: ["CDOPDomain", "CDOPPrimitives", "CDOPStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        // The event log on PostgreSQL (postgres-nio), with the SQLite store's guarantees (`EventLog`).
        .target(
            name: "CDOPPostgres",
            dependencies: [
                "CDOPPrimitives", "CDOPPrivacy", "CDOPStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Personal fields encrypted per data subject (AES-GCM) in stored events, with the subjects' keys in a
        // SQLite file of their own; erasing a subject deletes its key (crypto-shredding).
        .target(
            name: "CDOPPrivacy",
            dependencies: [
                "CDOPJSON", "CDOPStore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // Workflow definitions (Workflows/: schedules, the bank-holiday calendar, email templates), loaded and checked.
        .target(
            name: "CDOPDefinitions",
            dependencies: ["CDOPDomain", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        // libcurl through typed wrappers of its variadic calls (Sources/CCurl/shim.h).
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // RFC 5322 / MIME and iCalendar rendering (pure); transports: SMTP via CCurl, spool directory.
        .target(name: "CDOPMail", dependencies: ["CCurl", "CDOPPrimitives"], swiftSettings: strictSettings),
        // The shell: configuration, command handler, services; bcrypt for staff passwords (CBcrypt only, no
        // server), and counters of appended events and refused commands (a no-op until `cdop serve` bootstraps
        // Prometheus).
        .target(
            name: "CDOPApp",
            dependencies: [
                "CDOPDomain", "CDOPPrimitives", "CDOPStore", "CDOPProjections", "CDOPDefinitions", "CDOPMail",
                "CDOPPrivacy", "CDOPPostgres",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),
        // The demo data set: fourteen months of a synthetic panel written through the real commands, and one
        // account per role (`cdop demo`, and `cdop serve`'s first start on an empty database).
        .target(
            name: "CDOPDemo",
            dependencies: [
                "CDOPApp", "CDOPDomain", "CDOPStore", "CDOPProjections", "CDOPDefinitions", "CDOPMail",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // The annual analysis: tables from the report_facts read model, small-number suppression, HTML (inline
        // SVG charts), CSV and JSON; the historic import and the report's command, page and benchmark build on it.
        .target(
            name: "CDOPReports",
            dependencies: [
                "CDOPDomain", "CDOPStore", "CDOPProjections", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // The server: Hummingbird 2, Mustache pages, the JSON API under /api/v1, users, sessions and practitioner
        // links; metrics in Prometheus text format for GET /metrics.
        .target(
            name: "CDOPHTTP",
            dependencies: [
                "CDOPApp", "CDOPDomain", "CDOPStore", "CDOPProjections", "CDOPDefinitions", "CDOPReports",
                "CProcessHeap",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Templates"), .copy("Static")],
            swiftSettings: strictSettings
        ),
        // Test support shared by every test target: temporary databases, clocks, child processes.
        .target(
            name: "CDOPTesting",
            dependencies: ["CDOPDomain", "CDOPStore", "CDOPApp", "CSpawn"],
            swiftSettings: strictSettings
        ),

        // MARK: Executables

        // The command line: every workflow step, `serve`, `demo`, `import`, `report`, backups and rebuilds.
        .executableTarget(
            name: "cdop",
            dependencies: [
                "CDOPApp", "CDOPDemo", "CDOPDomain", "CDOPStore", "CDOPProjections", "CDOPDefinitions", "CDOPHTTP",
                "CDOPReports", "CDOPPrivacy", "CDOPPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),
        // Benchmarks of the store, the projections, the server and the report (`make bench`).
        .executableTarget(
            name: "cdop-bench",
            dependencies: [
                "CDOPStore", "CDOPApp", "CDOPDemo", "CDOPDomain", "CDOPProjections", "CDOPTesting", "CDOPMail",
                "CDOPHTTP", "CDOPDefinitions", "CDOPReports", "CDOPPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // A child process for crash tests: appends until killed, acknowledging each commit on stdout.
        .executableTarget(
            name: "cdop-crash-probe",
            dependencies: ["CDOPStore", "CDOPApp", "CDOPDomain"],
            path: "Tests/CrashProbe",
            swiftSettings: strictSettings
        ),

        // MARK: Tests

        // Deciders, codecs and calendars, by example and by property; golden event fixtures.
        .testTarget(name: "CDOPPrimitivesTests", dependencies: ["CDOPPrimitives"], swiftSettings: strictSettings),
        .testTarget(
            name: "CDOPDomainTests",
            dependencies: ["CDOPDomain", "CDOPJSON", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        // Appends, reads, subscriptions and crash safety of the event store.
        .testTarget(
            name: "CDOPStoreTests",
            dependencies: [
                "CDOPStore", "CDOPTesting", "cdop-crash-probe", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // Personal fields sealed and opened, keys made once and erased for good, the raw files searched.
        .testTarget(
            name: "CDOPPrivacyTests",
            dependencies: ["CDOPPrivacy", "CDOPTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        // The event log's contract, held against both engines (SQLite, and a PostgreSQL cluster the tests start).
        .testTarget(
            name: "CDOPPostgresTests",
            dependencies: [
                "CDOPApp", "CDOPDefinitions", "CDOPDemo", "CDOPHTTP", "CDOPMail", "CDOPPostgres", "CDOPProjections",
                "CDOPStore",
                "CDOPTesting", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // The shell's services against a real store: commands, timers, mail, users, imports.
        .testTarget(
            name: "CDOPAppTests",
            dependencies: ["CDOPApp", "CDOPDomain", "CDOPStore", "CDOPProjections", "CDOPTesting"],
            swiftSettings: strictSettings
        ),
        // The demo data set: every stage present, refused a second time, the same for the same now, rebuildable.
        .testTarget(
            name: "CDOPDemoTests",
            dependencies: [
                "CDOPDemo", "CDOPApp", "CDOPDomain", "CDOPStore", "CDOPDefinitions", "CDOPMail", "CDOPTesting",
                "CDOPPrivacy", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // Whole workflows from notification to closure, and simulated years of chasing.
        .testTarget(
            name: "CDOPAcceptanceTests",
            dependencies: ["CDOPApp", "CDOPDomain", "CDOPStore", "CDOPProjections", "CDOPTesting"],
            swiftSettings: strictSettings
        ),
        // Loading and checking the workflow definitions.
        .testTarget(
            name: "CDOPDefinitionsTests",
            dependencies: ["CDOPDefinitions", "CDOPDomain", "CDOPTesting"],
            swiftSettings: strictSettings
        ),
        // Against a real aiosmtpd (Tests/Support/smtp); needs python3 with aiosmtpd and icalendar, and openssl.
        .testTarget(
            name: "CDOPMailTests",
            dependencies: [
                "CDOPMail", "CDOPApp", "CDOPDomain", "CDOPProjections", "CDOPDefinitions", "CDOPStore", "CDOPTesting",
            ],
            swiftSettings: strictSettings
        ),
        // The annual report's tables, suppression and renderings.
        .testTarget(
            name: "CDOPReportsTests",
            dependencies: ["CDOPReports", "CDOPApp", "CDOPDomain", "CDOPStore", "CDOPProjections", "CDOPTesting"],
            swiftSettings: strictSettings
        ),
        // Routes, pages and the API through Hummingbird's test client, and the metrics endpoint.
        .testTarget(
            name: "CDOPHTTPTests",
            dependencies: [
                "CDOPHTTP", "CDOPApp", "CDOPDomain", "CDOPStore", "CDOPProjections", "CDOPTesting", "CDOPDefinitions",
                "CDOPMail",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The built `cdop` run as a child process (output, error texts, exit codes), and browser journeys.
        .testTarget(
            name: "cdopTests",
            dependencies: [
                "cdop", "CDOPTesting", "CDOPApp", "CDOPDomain", "CDOPStore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ]
)
