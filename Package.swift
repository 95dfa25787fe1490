// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "corpus",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "corpus", targets: ["corpus"]),
        .executable(name: "corpus-extract", targets: ["corpus-extract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.20.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPoppler", pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev", "libcairo2-dev"])]),
        .systemLibrary(
            name: "CTesseract", pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev"])]),
        .systemLibrary(
            name: "CArchive", pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(
            name: "CGsf", pkgConfig: "libgsf-1",
            providers: [.apt(["libgsf-1-dev"])]),
        .target(
            name: "CXapian",
            cxxSettings: [.unsafeFlags(["-fexceptions"])],
            linkerSettings: [.linkedLibrary("xapian"), .linkedLibrary("xxhash")]),
        // A PDF page's text layer and what it paints, read in one pass of poppler's own classes
        // (libpoppler-private-dev) behind one C header; poppler-glib has no way to ask the second.
        .target(
            name: "CPopplerPage",
            cxxSettings: [.unsafeFlags(["-I/usr/include/poppler"])],
            linkerSettings: [.linkedLibrary("poppler")]),
        // The extraction workers: the protocol, the pool that runs them, and what they return.
        .target(name: "Workers", dependencies: [.product(name: "Logging", package: "swift-log")]),
        .target(
            name: "Ingest",
            dependencies: ["Workers", .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log")]),
        // Poppler, Tesseract, libarchive and libgsf: linked into the worker executable only, never into `corpus`.
        .target(name: "Extraction", dependencies: ["Workers", "CPoppler", "CPopplerPage", "CTesseract", "CArchive", "CGsf"]),
        .executableTarget(name: "corpus-extract", dependencies: ["Extraction"]),
        .target(name: "Search", dependencies: ["Ingest", "Workers", "CXapian", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "Web", dependencies: ["Search", "Ingest", "Workers", .product(name: "Hummingbird", package: "hummingbird")]),
        .executableTarget(
            name: "corpus",
            dependencies: [
                "Ingest", "Workers", "Search", "Web",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // A position-dependent release binary: a `corpus search` is a process of its own,
            // and a position-independent one spent a fifth of its life (1.4 ms) making the
            // runtime's 115,000 relocations, page by page. The code that reads untrusted
            // PDFs and archives runs in corpus-extract, which stays position-independent.
            // Nor are its 28,000 symbols exported: the runtime looks its own path up with
            // dladdr at every start, a walk through all of them (2 ms of `corpus --version`).
            // jemalloc's malloc in place of glibc's: records are built on the reading threads
            // and freed on the writer's, and Xapian's batch is maps of small nodes (a maildir
            // ingest took a fifth less time).
            linkerSettings: [
                .linkedLibrary("jemalloc"),
                .unsafeFlags(["-Xlinker", "-no-pie", "-Xlinker", "--no-export-dynamic"], .when(configuration: .release)),
            ]),
        // Every parser of untrusted bytes behind one function each: libFuzzer drives them in
        // `corpus-fuzz` (make fuzz); the regression tests run their seeds and crashes.
        .target(name: "FuzzTargets", dependencies: ["Ingest", "Search", "Workers", "Extraction"]),
        .target(name: "TestSupport", dependencies: ["Ingest", "CPoppler", "CGsf"], path: "Tests/TestSupport"),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "Workers", "Ingest", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Workers", "Extraction", "TestSupport"]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "Ingest", "TestSupport"]),
        .testTarget(name: "WebTests", dependencies: [
            "Web", "Search", "Ingest", "TestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets", "TestSupport"], resources: [.copy("Crashes")]),
        .testTarget(name: "EndToEndTests", dependencies: ["Ingest", "Workers", "Search", "Extraction", "TestSupport"]),
    ],
    cxxLanguageStandard: .cxx17
)

// The libFuzzer executable exists only for `make fuzz` (scripts/fuzz.sh sets CORPUS_FUZZ and
// builds it with -sanitize=fuzzer,address in a build folder of its own): its driver comes
// from the sanitizer runtime, which no other build links.
if ProcessInfo.processInfo.environment["CORPUS_FUZZ"] != nil {
    package.targets += [
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "corpus-fuzz", dependencies: ["FuzzTargets", "CFuzzerDriver"]),
    ]
}
