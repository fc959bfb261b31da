// swift-tools-version:6.1
import PackageDescription

/// One set of compiler settings for every target (STYLE.md).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "OpenMHHS",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mhhs", targets: ["mhhs"]),
        .library(name: "MHHSCore", targets: ["MHHSCore"]),
        .library(name: "MHHSStandingData", targets: ["MHHSStandingData"]),
        .library(name: "MHHSMessages", targets: ["MHHSMessages"]),
        .library(name: "MHHSRegistration", targets: ["MHHSRegistration"]),
        .library(name: "MHHSStorage", targets: ["MHHSStorage"]),
        .library(name: "MHHSHub", targets: ["MHHSHub"]),
        .library(name: "MHHSSettlement", targets: ["MHHSSettlement"]),
        .library(name: "MHHSDataServices", targets: ["MHHSDataServices"]),
        .library(name: "MHHSLegacy", targets: ["MHHSLegacy"]),
        .library(name: "MHHSMigration", targets: ["MHHSMigration"]),
        .library(name: "MHHSSimulator", targets: ["MHHSSimulator"]),
        .library(name: "MHHSServer", targets: ["MHHSServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .target(name: "MHHSCore", swiftSettings: swiftSettings),
        .target(
            name: "MHHSStandingData",
            dependencies: [
                "MHHSCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "MHHSMessages", dependencies: ["MHHSCore", "CSystemZlib"], swiftSettings: swiftSettings),
        .target(name: "MHHSRegistration", dependencies: ["MHHSCore", "MHHSMessages"], swiftSettings: swiftSettings),
        // The system zlib (zlib1g-dev), for gzip-compressed ECS reports.
        .systemLibrary(name: "CSystemZlib", path: "Sources/CSystemZlib"),
        .target(
            name: "MHHSSettlement",
            dependencies: [
                "MHHSCore", "MHHSStandingData", "MHHSMessages", "MHHSRegistration",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MHHSLegacy", dependencies: ["MHHSCore", "MHHSStandingData", "MHHSRegistration", "MHHSSettlement"],
            swiftSettings: swiftSettings),
        .target(
            name: "MHHSMigration", dependencies: ["MHHSCore", "MHHSRegistration", "MHHSSettlement", "MHHSLegacy"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MHHSDataServices",
            dependencies: ["MHHSCore", "MHHSMessages", "MHHSRegistration", "MHHSSettlement"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MHHSSimulator",
            dependencies: ["MHHSCore", "MHHSStandingData", "MHHSMessages", "MHHSRegistration", "MHHSSettlement", "MHHSLegacy", "MHHSMigration"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MHHSHub",
            dependencies: [
                "MHHSCore",
                "MHHSMessages",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MHHSStorage",
            dependencies: [
                "MHHSCore",
                "MHHSStandingData",
                "MHHSMessages",
                "MHHSRegistration",
                "MHHSHub",
                "MHHSSettlement",
                "MHHSMigration",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MHHSServer",
            dependencies: [
                "MHHSCore",
                "MHHSMessages",
                "MHHSRegistration",
                "MHHSHub",
                "MHHSSettlement",
                "MHHSStorage",
                "MHHSMigration",
                "MHHSStandingData",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "mhhs",
            dependencies: [
                "MHHSCore",
                "MHHSStandingData",
                "MHHSMessages",
                "MHHSRegistration",
                "MHHSStorage",
                "MHHSHub",
                "MHHSServer",
                "MHHSSettlement",
                "MHHSDataServices",
                "MHHSLegacy",
                "MHHSMigration",
                "MHHSSimulator",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MHHSTestSupport",
            dependencies: [
                "MHHSCore", "MHHSStorage",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/MHHSTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MHHSCoreTests",
            dependencies: ["MHHSCore", "MHHSTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MHHSMessagesTests",
            dependencies: ["MHHSMessages", "MHHSTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MHHSRegistrationTests",
            dependencies: [
                "MHHSRegistration", "MHHSStorage", "MHHSTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MHHSStandingDataTests",
            dependencies: ["MHHSStandingData", "MHHSStorage", "MHHSTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MHHSHubTests",
            dependencies: [
                "MHHSHub", "MHHSServer", "MHHSStorage", "MHHSRegistration", "MHHSTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MHHSSettlementTests",
            dependencies: ["MHHSSettlement", "MHHSStorage", "MHHSLegacy", "MHHSTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MHHSLegacyTests",
            dependencies: ["MHHSLegacy", "MHHSStandingData", "MHHSTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MHHSMigrationTests",
            dependencies: ["MHHSMigration", "MHHSRegistration", "MHHSSettlement", "MHHSStorage", "MHHSLegacy", "MHHSTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MHHSDataServicesTests",
            dependencies: ["MHHSDataServices", "MHHSSettlement", "MHHSStorage", "MHHSTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "mhhsCLITests",
            dependencies: ["MHHSTestSupport", "MHHSStorage"],
            swiftSettings: swiftSettings
        ),
    ]
)
