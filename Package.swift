// swift-tools-version:6.1
import PackageDescription

/// Proeftuin: a terminal portfolio board for municipal experiments.
/// Module dependencies point one way: Domain ← Storage, AppCore ← Application ← TerminalUI, ParticipantPage ← CLI ← proeftuin
/// (see docs/ARCHITECTURE.md).
let package = Package(
    name: "Proeftuin",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "proeftuin", targets: ["proeftuin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
    ],
    targets: [
        .target(
            name: "CNCurses",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        .systemLibrary(name: "CQRencode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "Domain"),
        .target(
            name: "Storage",
            dependencies: [
                "Domain",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(name: "AppCore", dependencies: ["Domain"]),
        .target(name: "Screen", dependencies: ["AppCore", "Domain"]),
        .target(name: "Application", dependencies: ["Storage", "AppCore", "Domain"]),
        .target(name: "Reports", dependencies: ["Storage", "AppCore", "Domain"]),
        .target(name: "QRCode", dependencies: ["CQRencode"]),
        .target(
            name: "ParticipantPage",
            dependencies: [
                "Application", "AppCore", "Domain", "QRCode",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(name: "TerminalUI", dependencies: ["CNCurses", "Screen", "Application", "AppCore", "Domain"]),
        .target(
            name: "CLI",
            dependencies: [
                "TerminalUI", "ParticipantPage", "QRCode", "Application", "Screen", "Reports", "AppCore", "Storage", "Domain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "proeftuin", dependencies: ["CLI"]),
        .testTarget(
            name: "DomainTests",
            dependencies: ["Domain", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Storage", "Domain", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "AppCoreTests", dependencies: ["AppCore", "Domain"]),
        .testTarget(
            name: "ApplicationTests",
            dependencies: [
                "Application", "AppCore", "Storage", "Domain", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "ScreenTests",
            dependencies: ["Screen", "AppCore", "Domain", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI", "Screen", "AppCore", "Domain", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"]),
        .testTarget(name: "ParticipantPageTests", dependencies: ["ParticipantPage", "Application", "AppCore", "Storage", "Domain"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Storage", "AppCore", "Domain"], exclude: ["Golden"]),
        .testTarget(
            name: "CLITests",
            dependencies: ["proeftuin", "CLI", "Storage", "AppCore", "Domain", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
