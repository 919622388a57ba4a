// swift-tools-version:6.1
import PackageDescription

/// Strict concurrency and Swift 6 mode everywhere; warnings are treated as work to do.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// One service: a library target with its `Domain/`, `Storage/`, `Messaging/` and `HTTP/` folders,
/// and a thin executable whose `main.swift` wires it into a `ServiceGroup`.
func service(
    _ module: String,
    executable: String,
    folder: String,
    dependencies: [Target.Dependency] = [],
    resources: [Resource]? = nil
) -> [Target] {
    [
        .target(
            name: module,
            dependencies: [
                "Contracts", "Messaging", "Storage", "ReliableMessaging", "ServiceRuntime", "ServiceHTTP", "StaffPages",
                "WorkingDays", "StoredVocabulary",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ] + dependencies,
            path: "Services/\(folder)",
            exclude: ["Main"],
            resources: resources,
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: executable,
            dependencies: [.target(name: module), "ServiceRuntime", "Contracts"],
            path: "Services/\(folder)/Main",
            swiftSettings: swiftSettings
        ),
    ]
}

let package = Package(
    name: "wmo",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "front-desk", targets: ["front-desk"]),
        .executable(name: "indication", targets: ["indication"]),
        .executable(name: "referral-index", targets: ["referral-index"]),
        .executable(name: "matching", targets: ["matching"]),
        .executable(name: "citizen-panel", targets: ["citizen-panel"]),
        .executable(name: "wmo-bench", targets: ["wmo-bench"]),
        .executable(name: "frontdesk-bench", targets: ["frontdesk-bench"]),
        .executable(name: "indication-bench", targets: ["indication-bench"]),
        .executable(name: "referral-index-bench", targets: ["referral-index-bench"]),
        .executable(name: "matching-bench", targets: ["matching-bench"]),
        .executable(name: "panel-bench", targets: ["panel-bench"]),
        .library(name: "Messaging", targets: ["Messaging"]),
        .library(name: "Storage", targets: ["Storage"]),
        .library(name: "ReliableMessaging", targets: ["ReliableMessaging"]),
        .library(name: "Contracts", targets: ["Contracts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
        // HTTP load for the region benchmark (already in the graph through HummingbirdTesting).
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        // C libraries: headers only, plus a shim for the variadic amqp_login.
        .systemLibrary(
            name: "CRabbitMQ",
            path: "Shared/CRabbitMQ",
            pkgConfig: "librabbitmq",
            providers: [.apt(["librabbitmq-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            path: "Shared/CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),

        // The kit every service stands on.
        .target(
            name: "Messaging",
            dependencies: [
                "CRabbitMQ",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            path: "Shared/Messaging",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Storage",
            dependencies: [
                "CLibPQ",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/Storage",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Contracts",
            dependencies: [],
            path: "Shared/Contracts",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ReliableMessaging",
            dependencies: [
                "Messaging", "Storage", "Contracts",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/ReliableMessaging",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ServiceRuntime",
            dependencies: [
                "Messaging", "Storage", "ReliableMessaging",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/ServiceRuntime",
            swiftSettings: swiftSettings
        ),
        // Typed reads of the shared vocabulary (municipality codes, days) from any service's rows.
        .target(
            name: "StoredVocabulary",
            dependencies: ["Storage", "Contracts", "WorkingDays"],
            path: "Shared/StoredVocabulary",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WorkingDays",
            dependencies: [],
            path: "Shared/WorkingDays",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ServiceHTTP",
            dependencies: [
                "Storage", "Contracts",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/ServiceHTTP",
            swiftSettings: swiftSettings
        ),
        // Server-rendered staff pages for every service: sessions, CSRF, login, layout, forms.
        .target(
            name: "StaffPages",
            dependencies: [
                "Storage", "ServiceHTTP", "ServiceRuntime", "WorkingDays",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Shared/StaffPages",
            resources: [.copy("Templates")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TestKit",
            dependencies: [
                "Messaging", "Storage", "ReliableMessaging", "Contracts", "WorkingDays",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Shared/TestKit",
            swiftSettings: swiftSettings
        ),
    ]
        + service(
            "FrontDesk",
            executable: "front-desk",
            folder: "FrontDesk",
            dependencies: [
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Templates")]
        )
        + service(
            "Indication",
            executable: "indication",
            folder: "Indication",
            dependencies: [
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Reference"), .copy("Templates")]
        )
        + service(
            "ReferralIndex",
            executable: "referral-index",
            folder: "ReferralIndex",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates")]
        )
        + service(
            "Matching",
            executable: "matching",
            folder: "Matching",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Reference"), .copy("Templates")]
        )
        + service(
            "CitizenPanel",
            executable: "citizen-panel",
            folder: "CitizenPanel",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Reference"), .copy("Templates")]
        )
        + [
            .target(
                name: "BenchmarkSupport",
                dependencies: [.product(name: "Histogram", package: "hdrhistogram-swift")],
                path: "Benchmarks/BenchmarkSupport",
                swiftSettings: swiftSettings
            ),
            .executableTarget(
                name: "wmo-bench",
                dependencies: [
                    "BenchmarkSupport",
                    "Messaging", "Storage", "ReliableMessaging", "Contracts", "TestKit",
                    .product(name: "ArgumentParser", package: "swift-argument-parser"),
                    .product(name: "Histogram", package: "hdrhistogram-swift"),
                ],
                path: "Benchmarks/wmo-bench",
                swiftSettings: swiftSettings
            ),
            .executableTarget(
                name: "frontdesk-bench",
                dependencies: [
                    "BenchmarkSupport",
                    "FrontDesk", "WorkingDays", "TestKit", "Messaging", "Storage", "ReliableMessaging", "Contracts",
                    .product(name: "ArgumentParser", package: "swift-argument-parser"),
                    .product(name: "Histogram", package: "hdrhistogram-swift"),
                    .product(name: "Logging", package: "swift-log"),
                    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                ],
                path: "Benchmarks/frontdesk-bench",
                swiftSettings: swiftSettings
            ),
            .executableTarget(
                name: "indication-bench",
                dependencies: [
                    "BenchmarkSupport",
                    "Indication", "WorkingDays", "TestKit", "Messaging", "Storage", "ReliableMessaging", "Contracts",
                    .product(name: "ArgumentParser", package: "swift-argument-parser"),
                    .product(name: "Histogram", package: "hdrhistogram-swift"),
                    .product(name: "Logging", package: "swift-log"),
                    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                ],
                path: "Benchmarks/indication-bench",
                swiftSettings: swiftSettings
            ),
            .executableTarget(
                name: "referral-index-bench",
                dependencies: [
                    "BenchmarkSupport",
                    "ReferralIndex", "TestKit", "Messaging", "Storage", "ReliableMessaging", "Contracts",
                    .product(name: "ArgumentParser", package: "swift-argument-parser"),
                    .product(name: "Histogram", package: "hdrhistogram-swift"),
                    .product(name: "Logging", package: "swift-log"),
                    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                ],
                path: "Benchmarks/referral-index-bench",
                swiftSettings: swiftSettings
            ),
            .executableTarget(
                name: "matching-bench",
                dependencies: [
                    "BenchmarkSupport", "Matching", "Contracts", "WorkingDays", "TestKit", "Messaging", "Storage", "ReliableMessaging",
                    .product(name: "ArgumentParser", package: "swift-argument-parser"),
                    .product(name: "Histogram", package: "hdrhistogram-swift"),
                    .product(name: "Logging", package: "swift-log"),
                    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                ],
                path: "Benchmarks/matching-bench",
                swiftSettings: swiftSettings
            ),
            .executableTarget(
                name: "panel-bench",
                dependencies: [
                    "BenchmarkSupport", "CitizenPanel", "Contracts", "TestKit", "Storage",
                    .product(name: "ArgumentParser", package: "swift-argument-parser"),
                    .product(name: "AsyncHTTPClient", package: "async-http-client"),
                    .product(name: "Histogram", package: "hdrhistogram-swift"),
                    .product(name: "Hummingbird", package: "hummingbird"),
                    .product(name: "Logging", package: "swift-log"),
                    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                ],
                path: "Benchmarks/panel-bench",
                swiftSettings: swiftSettings
            ),
            .executableTarget(
                name: "region-bench",
                dependencies: [
                    "BenchmarkSupport",
                    "FrontDesk", "WorkingDays", "TestKit", "Messaging", "Storage", "ReliableMessaging", "Contracts", "ServiceRuntime", "StaffPages",
                    .product(name: "ArgumentParser", package: "swift-argument-parser"),
                    .product(name: "AsyncHTTPClient", package: "async-http-client"),
                    .product(name: "Histogram", package: "hdrhistogram-swift"),
                    .product(name: "Hummingbird", package: "hummingbird"),
                    .product(name: "Logging", package: "swift-log"),
                    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                ],
                path: "Benchmarks/region-bench",
                swiftSettings: swiftSettings
            ),
            // The fuzz harness (scripts/fuzz.sh): a corpus replayer in a normal build, a
            // libFuzzer binary with -sanitize=fuzzer -D FUZZING.
            .executableTarget(
                name: "wmo-fuzz",
                dependencies: ["Messaging", "Storage", "ReliableMessaging", "Contracts"],
                path: "Tests/Fuzz",
                exclude: ["Corpus", "make_seeds.py"],
                swiftSettings: swiftSettings
            ),
            .executableTarget(
                name: "kit-probe",
                dependencies: ["Messaging", "Storage", "ReliableMessaging", "Contracts", "TestKit"],
                path: "Tests/KitProbe",
                swiftSettings: swiftSettings
            ),
            .testTarget(
                name: "KitTests",
                dependencies: [
                    "Messaging", "Storage", "ReliableMessaging", "Contracts",
                    .product(name: "Yams", package: "Yams"),
                ],
                path: "Tests/KitTests",
                swiftSettings: swiftSettings
            ),
            .testTarget(
                name: "KitIntegrationTests",
                dependencies: ["Messaging", "Storage", "ReliableMessaging", "Contracts", "TestKit"],
                path: "Tests/KitIntegrationTests",
                swiftSettings: swiftSettings
            ),
            .testTarget(
                name: "BrokerDefinitionsTests",
                dependencies: ["Messaging", "FrontDesk", "Indication", "Matching", "ReferralIndex", "CitizenPanel"],
                path: "Tests/BrokerDefinitionsTests",
                swiftSettings: swiftSettings
            ),
            .testTarget(
                name: "FrontDeskTests",
                dependencies: [
                    "FrontDesk", "Contracts", "ServiceHTTP", "StaffPages", "TestKit", "WorkingDays",
                    .product(name: "Mustache", package: "swift-mustache"),
                ],
                path: "Tests/FrontDeskTests",
                swiftSettings: swiftSettings
            ),
            .testTarget(
                name: "IndicationTests",
                dependencies: ["Indication", "Contracts", "WorkingDays"],
                path: "Tests/IndicationTests",
                swiftSettings: swiftSettings
            ),
            .testTarget(
                name: "IndicationIntegrationTests",
                dependencies: [
                    "Indication", "ServiceHTTP", "StaffPages", "WorkingDays", "TestKit", "Storage", "Messaging", "ReliableMessaging", "Contracts",
                    .product(name: "HummingbirdTesting", package: "hummingbird"),
                    .product(name: "Yams", package: "Yams"),
                    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                    .product(name: "Logging", package: "swift-log"),
                ],
                path: "Tests/IndicationIntegrationTests",
                swiftSettings: swiftSettings
            ),
            .testTarget(
                name: "CitizenPanelTests",
                dependencies: ["CitizenPanel", "WorkingDays", "Contracts"],
                path: "Tests/CitizenPanelTests",
                swiftSettings: swiftSettings
            ),
            .testTarget(
                name: "MatchingTests",
                dependencies: ["Matching", "Contracts", "WorkingDays"],
                path: "Tests/MatchingTests",
                swiftSettings: swiftSettings
            ),
            .testTarget(
                name: "ReferralIndexTests",
                dependencies: ["ReferralIndex", "Contracts", "WorkingDays"],
                path: "Tests/ReferralIndexTests",
                swiftSettings: swiftSettings
            ),
            .testTarget(
                name: "ReferralIndexIntegrationTests",
                dependencies: [
                    "ReferralIndex", "ServiceHTTP", "StaffPages", "WorkingDays", "TestKit", "Storage", "Messaging", "ReliableMessaging", "Contracts",
                    .product(name: "HummingbirdTesting", package: "hummingbird"),
                    .product(name: "Yams", package: "Yams"),
                    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                    .product(name: "Logging", package: "swift-log"),
                ],
                path: "Tests/ReferralIndexIntegrationTests",
                swiftSettings: swiftSettings
            ),
            .testTarget(
                name: "MatchingIntegrationTests",
                dependencies: [
                    "Matching", "ServiceHTTP", "StaffPages", "WorkingDays", "TestKit", "Storage", "Messaging", "ReliableMessaging", "Contracts",
                    .product(name: "HummingbirdTesting", package: "hummingbird"),
                    .product(name: "Yams", package: "Yams"),
                    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                    .product(name: "Logging", package: "swift-log"),
                ],
                path: "Tests/MatchingIntegrationTests",
                swiftSettings: swiftSettings
            ),
            .testTarget(
                name: "CitizenPanelIntegrationTests",
                dependencies: [
                    "CitizenPanel", "WorkingDays", "TestKit", "Storage", "Messaging", "ReliableMessaging", "Contracts",
                    .product(name: "HummingbirdTesting", package: "hummingbird"),
                    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                    .product(name: "Logging", package: "swift-log"),
                ],
                path: "Tests/CitizenPanelIntegrationTests",
                swiftSettings: swiftSettings
            ),
            .testTarget(
                name: "FrontDeskIntegrationTests",
                dependencies: [
                    "FrontDesk", "ServiceHTTP", "StaffPages", "WorkingDays", "TestKit", "Storage", "Messaging", "ReliableMessaging", "Contracts",
                    .product(name: "HummingbirdTesting", package: "hummingbird"),
                    .product(name: "Yams", package: "Yams"),
                ],
                path: "Tests/FrontDeskIntegrationTests",
                swiftSettings: swiftSettings
            ),
        ]
)
