// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "gangway",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gangway", targets: ["gangway"]),
        .library(name: "GangwayCore", targets: ["GangwayCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CGangwaySys"),
        // Gangway's own compiled Mustache engine: typed values, templates parsed once.
        .target(name: "GangwayMustache"),
        // swift-mustache behind the same values, for the differential tests and the benchmark.
        .target(
            name: "GangwayMustacheTestSupport",
            dependencies: ["GangwayMustache", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // scripts/bench-mustache: the theme's clinic page through both engines.
        .executableTarget(name: "GangwayMustacheBench", dependencies: ["GangwayMustache", "GangwayMustacheTestSupport"]),
        .target(
            name: "GangwayCore",
            dependencies: [
                "CCMark",
                "CGangwaySys",
                "GangwayMustache",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "GangwayServe",
            dependencies: [
                "GangwayCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "gangway",
            dependencies: [
                "GangwayCore",
                "GangwayServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (Debian's libjemalloc-dev) in place of glibc's malloc: a build makes and frees
            // millions of small values on every core, and glibc's allocator took 12 % of a
            // 10,000-clinic build's CPU; with jemalloc the build is 11 % faster (docs/benchmarks.md).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        // libFuzzer's driver entry point, declared for GangwayFuzz; nothing to link in a normal build.
        .target(name: "CLibFuzzer"),
        // The fuzz target. A normal build compiles a stub that points at scripts/fuzz; only
        // scripts/fuzz builds the real one (GANGWAY_FUZZ, coverage and ASan, its own scratch path).
        .executableTarget(
            name: "GangwayFuzz",
            dependencies: ["GangwayCore", "GangwayMustache", "GangwayTestSupport", "CLibFuzzer"]
        ),
        // Shared by the tests and the fuzzer: an HTML tokenizer, the markup audit, the input probe.
        .target(name: "GangwayTestSupport", dependencies: ["GangwayCore", .product(name: "Yams", package: "Yams")]),
        .testTarget(
            name: "GangwayCoreTests",
            // swift-mustache (behind GangwayMustacheTestSupport) only for RenderDifferentialTests: every real page through both engines.
            // CSV.swift's writer only for CSVTextTests: the exports' own writer against it.
            dependencies: ["GangwayCore", "GangwayTestSupport", "GangwayMustache", "GangwayMustacheTestSupport",
                           .product(name: "CSV", package: "CSV.swift")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GangwayMustacheTests",
            dependencies: ["GangwayMustache", "GangwayMustacheTestSupport", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["Spec", "Fixtures"]
        ),
        .testTarget(
            name: "GangwayServeTests",
            dependencies: ["GangwayServe", "GangwayCore", "GangwayTestSupport"]
        ),
    ]
)
