// swift-tools-version: 6.1
import PackageDescription

// Every target of ours: Swift 6 language mode, explicit existentials, explicit imports.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

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
    ],
    targets: [
        // Pure: value types, events, commands, decide/evolve. No clock, no I/O.
        .target(name: "CDOPDomain", swiftSettings: strictSettings),
        // The append-only event store over SQLite (GRDB DatabasePool, WAL, one writer).
        .target(
            name: "CDOPStore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                "CSQLiteSettings",
            ],
            swiftSettings: strictSettings
        ),
        // SQLite's process-wide settings, through typed wrappers of its variadic sqlite3_config.
        .systemLibrary(name: "CSQLiteSettings", providers: [.apt(["libsqlite3-dev"])]),
        // Projectors (event -> rows in the append's transaction) and queries.
        .target(
            name: "CDOPProjections",
            dependencies: ["CDOPDomain", "CDOPStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        // The shell: configuration, command handler, services.
        .target(
            name: "CDOPApp",
            dependencies: [
                "CDOPDomain", "CDOPStore", "CDOPProjections", "CDOPDefinitions", "CDOPMail",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // Test support shared by every test target: temporary databases, clocks, child processes.
        .target(
            name: "CDOPTesting",
            dependencies: ["CDOPDomain", "CDOPStore", "CDOPApp"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "cdop",
            dependencies: [
                "CDOPApp", "CDOPDomain", "CDOPStore", "CDOPProjections", "CDOPDefinitions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "cdop-bench",
            dependencies: [
                "CDOPStore", "CDOPApp", "CDOPDomain", "CDOPProjections", "CDOPTesting", "CDOPMail",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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

        .testTarget(
            name: "CDOPDomainTests",
            dependencies: ["CDOPDomain", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CDOPStoreTests",
            dependencies: ["CDOPStore", "CDOPTesting", "cdop-crash-probe", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CDOPAppTests",
            dependencies: ["CDOPApp", "CDOPDomain", "CDOPStore", "CDOPProjections", "CDOPTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CDOPAcceptanceTests",
            dependencies: ["CDOPApp", "CDOPDomain", "CDOPStore", "CDOPProjections", "CDOPTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "cdopTests",
            dependencies: ["cdop", "CDOPTesting", "CDOPApp", "CDOPDomain", "CDOPStore", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),

        // MARK: mail (CCurl, CDOPMail)
        // libcurl through typed wrappers of its variadic calls (Sources/CCurl/shim.h).
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // RFC 5322 / MIME and iCalendar rendering (pure); transports: SMTP via CCurl, spool directory.
        .target(name: "CDOPMail", dependencies: ["CCurl"], swiftSettings: strictSettings),
        // Against a real aiosmtpd (Tests/Support/smtp); needs python3 with aiosmtpd and icalendar, and openssl.
        .testTarget(
            name: "CDOPMailTests",
            dependencies: ["CDOPMail", "CDOPApp", "CDOPDomain", "CDOPProjections", "CDOPDefinitions", "CDOPStore", "CDOPTesting"],
            swiftSettings: strictSettings),
        // MARK: end mail
    ]
)

// MARK: definitions
// Workflow definitions (Workflows/: schedules, the bank-holiday calendar, email templates), loaded and checked.
package.dependencies.append(.package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"))
package.targets.append(contentsOf: [
    .target(
        name: "CDOPDefinitions",
        dependencies: ["CDOPDomain", .product(name: "Yams", package: "Yams")],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "CDOPDefinitionsTests",
        dependencies: ["CDOPDefinitions", "CDOPDomain", "CDOPTesting"],
        swiftSettings: strictSettings
    ),
])

// MARK: web
// The server: Hummingbird 2, Mustache pages, the JSON API under /api/v1, users, sessions and practitioner links.
package.dependencies.append(contentsOf: [
    .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
    .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
])
// MARK: operations
// Metrics in Prometheus text format for GET /metrics.
package.dependencies.append(contentsOf: [
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
])
// MARK: end operations
if let app = package.targets.first(where: { $0.name == "CDOPApp" }) {
    // bcrypt for staff passwords (CBcrypt only: no server in the shell).
    app.dependencies.append(.product(name: "HummingbirdBcrypt", package: "hummingbird-auth"))
    // Counters of appended events and refused commands (a no-op until `cdop serve` bootstraps Prometheus).
    app.dependencies.append(.product(name: "CoreMetrics", package: "swift-metrics"))
}
if let cli = package.targets.first(where: { $0.name == "cdop" }) {
    cli.dependencies += [
        "CDOPHTTP", .product(name: "Logging", package: "swift-log"), .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
    ]
}
if let bench = package.targets.first(where: { $0.name == "cdop-bench" }) {
    bench.dependencies += [
        "CDOPHTTP", "CDOPDefinitions", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
    ]
}
package.targets.append(contentsOf: [
    .target(
        name: "CDOPHTTP",
        dependencies: [
            "CDOPApp", "CDOPDomain", "CDOPStore", "CDOPProjections", "CDOPDefinitions",
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
    .testTarget(
        name: "CDOPHTTPTests",
        dependencies: [
            "CDOPHTTP", "CDOPApp", "CDOPDomain", "CDOPStore", "CDOPProjections", "CDOPTesting", "CDOPDefinitions", "CDOPMail",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Logging", package: "swift-log"),
        ],
        swiftSettings: strictSettings
    ),
])
// MARK: end web

// MARK: reports
// The annual analysis: tables from the report_facts read model, small-number suppression, HTML (inline SVG
// charts), CSV and JSON; the historic import and the report's command, page and benchmark build on it.
package.targets.append(contentsOf: [
    .target(
        name: "CDOPReports",
        dependencies: ["CDOPDomain", "CDOPStore", "CDOPProjections", .product(name: "GRDB", package: "GRDB.swift")],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "CDOPReportsTests",
        dependencies: ["CDOPReports", "CDOPApp", "CDOPDomain", "CDOPStore", "CDOPProjections", "CDOPTesting"],
        swiftSettings: strictSettings
    ),
])
for name in ["cdop", "cdop-bench", "CDOPHTTP"] {
    package.targets.first(where: { $0.name == name })?.dependencies.append("CDOPReports")
}
// MARK: end reports
