// swift-tools-version:6.1
import PackageDescription

// The benchmarks live in their own package so the product never links the harness (STYLE.md).
// Run: swift package --package-path Benchmarks benchmark
let package = Package(
    name: "OpenMHHSBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "OpenMHHS", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "StandingDataBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "MHHSCore", package: "OpenMHHS"),
                .product(name: "MHHSStandingData", package: "OpenMHHS"),
            ],
            path: "Benchmarks/StandingDataBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "HubBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "MHHSCore", package: "OpenMHHS"),
                .product(name: "MHHSMessages", package: "OpenMHHS"),
                .product(name: "MHHSRegistration", package: "OpenMHHS"),
                .product(name: "MHHSHub", package: "OpenMHHS"),
                .product(name: "MHHSServer", package: "OpenMHHS"),
                .product(name: "MHHSStorage", package: "OpenMHHS"),
            ],
            path: "Benchmarks/HubBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SettlementBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "MHHSCore", package: "OpenMHHS"),
                .product(name: "MHHSMessages", package: "OpenMHHS"),
                .product(name: "MHHSRegistration", package: "OpenMHHS"),
                .product(name: "MHHSStandingData", package: "OpenMHHS"),
                .product(name: "MHHSSettlement", package: "OpenMHHS"),
                .product(name: "MHHSSimulator", package: "OpenMHHS"),
                .product(name: "MHHSStorage", package: "OpenMHHS"),
            ],
            path: "Benchmarks/SettlementBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
