// swift-tools-version: 6.2
import PackageDescription

/// Settings every first-party target shares: Swift 6 mode, strict upcoming features, warnings as errors.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "kiosk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kiosk", targets: ["KioskApp"]),
        .executable(name: "kiosk-devsim", targets: ["KioskDevSim"]),
        .executable(name: "kiosk-bench", targets: ["KioskBench"]),
        .executable(name: "kiosk-gateway", targets: ["KioskGateway"]),
        .executable(name: "kiosk-sync", targets: ["KioskSyncCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // The gateway's server stack (issue #13); the kiosk's own targets never depend on these.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // gzip on the device API (docs/gateway.md, "Compression"); zlib through NIO byte buffers.
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
    ],
    targets: [
        // C at the edge: only KioskDevices imports these.
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CCups", providers: [.apt(["libcups2-dev"])]),  // Debian 12 ships no cups.pc
        // libcurl (mutual TLS, CONNECT proxies, gzip answers) and zlib (gzip requests): only KioskSync.
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev", "zlib1g-dev"])]),

        // Domain and storage: identity, masking, 办件, calendar, mail, evaluations, AppDatabase.
        .target(
            name: "KioskCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Device model, drivers (SAM reader, CUPS, 9100), encoders (ESC/POS, QR), simulators.
        .target(
            name: "KioskDevices",
            dependencies: [
                "KioskCore", "CQREncode", "CCups",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Raw tty, input decoding, width table, cell buffer, diff renderer. Knows nothing of the domain.
        .target(name: "KioskTerminal"),
        // Widgets, screens, the session state machine, strings and themes.
        .target(
            name: "KioskUI",
            dependencies: ["KioskTerminal", "KioskCore"]
        ),
        // The composition root: command line, configuration, logging, services, systemd notify.
        .executableTarget(
            name: "KioskApp",
            dependencies: [
                "KioskCore", "KioskDevices", "KioskTerminal", "KioskUI", "KioskConfigFile",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            linkerSettings: [
                // Resident memory (issue #3), for the build as deployed (--static-swift-stdlib):
                // - pack the relative relocations (DT_RELR, glibc >= 2.36): ~93,000 of them, 2.2 MB the
                //   loader would read at every start; lld ships with the toolchain;
                // - do not export the kiosk's 16,000 Swift symbols (the static-stdlib link adds
                //   -export-dynamic): every symbol lookup of libc, libstdc++ and libsqlite3 would search
                //   that 1.4 MB table first. Nothing looks symbols up in the kiosk by name.
                .unsafeFlags(
                    [
                        "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                        "-Xlinker", "--no-export-dynamic",
                    ], .when(platforms: [.linux]))
            ]
        ),
        // SAM emulator on a pseudo-terminal, for tests, demos and fault injection.
        .executableTarget(
            name: "KioskDevSim",
            dependencies: [
                "KioskDevices",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks named in the issues; prints a table of medians and percentiles.
        .executableTarget(
            name: "KioskBench",
            dependencies: [
                "KioskCore", "KioskDevices", "KioskTerminal",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // TOML configuration files read the same way by the kiosk and the gateway (keys, lines, typos).
        .target(name: "KioskConfigFile", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
        // The kiosk–gateway API's Codable types (docs/gateway.md, openapi.yaml): Foundation only, so the
        // kiosk's sync (issue #14) can use them without linking any server dependency.
        .target(name: "KioskProtocol"),
        // The kiosk's network side (issue #14): outbox delivery, replica sync, heartbeats, enrollment.
        // A library for the tests; the process is `kiosk-sync`, started by `kiosk sync`. Never linked
        // into the kiosk's own binary: the citizen-facing process parses no byte from the network.
        .target(
            name: "KioskSync",
            dependencies: [
                "KioskCore", "KioskProtocol", "CCurl",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "KioskSyncCommand",
            dependencies: [
                "KioskSync", "KioskCore", "KioskProtocol",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // kiosk-gateway: the fleet's back office (device API with mTLS, staff console, PostgreSQL).
        .executableTarget(
            name: "KioskGateway",
            dependencies: [
                "KioskCore", "KioskProtocol", "KioskConfigFile",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            resources: [.copy("Resources")]
        ),

        // Shared by the test targets: test clock, pseudo-terminal, subprocess runner, product locator,
        // Core fixtures (service items, receipt site) and tapping the shell's controls.
        .target(
            name: "KioskTestSupport",
            dependencies: ["KioskCore", "KioskTerminal", "KioskUI"],
            path: "Tests/KioskTestSupport"
        ),
        .testTarget(
            name: "KioskCoreTests",
            dependencies: [
                "KioskCore", "KioskTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "KioskDevicesTests",
            dependencies: [
                "KioskDevices", "KioskCore", "KioskTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "KioskTerminalTests", dependencies: ["KioskTerminal", "KioskTestSupport"]),
        .testTarget(
            name: "KioskUITests", dependencies: ["KioskUI", "KioskTerminal", "KioskCore", "KioskTestSupport"]),
        .testTarget(name: "KioskBenchTests", dependencies: ["KioskBench"]),
        .testTarget(
            name: "KioskSyncTests",
            dependencies: [
                "KioskSync", "KioskProtocol", "KioskCore", "KioskTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "KioskGatewayTests",
            dependencies: [
                "KioskGateway", "KioskProtocol", "KioskCore", "KioskTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "KioskAppTests",
            dependencies: [
                "KioskApp", "KioskCore", "KioskDevices", "KioskTerminal", "KioskUI", "KioskTestSupport",
                "KioskConfigFile",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ]
        ),
    ]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + strictSettings
}
