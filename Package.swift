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
    ],
    targets: [
        .systemLibrary(
            name: "CCMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CGangwaySys"),
        .target(
            name: "GangwayCore",
            dependencies: [
                "CCMark",
                "CGangwaySys",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
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
            ]
        ),
        .testTarget(
            name: "GangwayCoreTests",
            dependencies: ["GangwayCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GangwayServeTests",
            dependencies: ["GangwayServe", "GangwayCore"]
        ),
    ]
)
