import Foundation
import TestSupport
import XCTest

/// The sample ingested once by the built binary (with OCR of the scans), shared by the
/// end-to-end tests that only read it.
enum IngestedSample {
    static let index = CorpusBinary.temporaryIndex()
    static let firstIngest: CorpusBinary.Result = try! CorpusBinary.run(["ingest", "--index", index] + Sample.folders + ["--json"])
}

/// The built `corpus` binary over corpus-sample, as a reporter would run it.
final class IngestAndSearchTests: XCTestCase {
    static var index: String { _ = IngestedSample.firstIngest; return IngestedSample.index }
    static var firstIngest: CorpusBinary.Result { IngestedSample.firstIngest }

    func search(_ query: String, _ extra: [String] = []) throws -> [String: Any] {
        let result = try CorpusBinary.run(["search", "--index", Self.index, query, "--json"] + extra)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(result.json as? [String: Any], result.stdout)
    }

    func testIngestRejectsEachBadFileWithItsReasonAndExitsTwo() throws {
        let result = Self.firstIngest
        XCTAssertEqual(result.status, 2, result.stderr)
        let summary = try XCTUnwrap(result.json as? [String: Any], result.stdout)
        let rejected = try XCTUnwrap(summary["rejected"] as? [[String: String]])
        XCTAssertEqual(rejected.count, Sample.truth.bad.count, "\(rejected)")
        for bad in Sample.truth.bad {
            let match = rejected.first { $0["path"]!.hasSuffix(bad.path) }
            XCTAssertNotNil(match, "\(bad.path) was not rejected")
            XCTAssertTrue(match?["reason"]?.lowercased().contains(bad.reason.lowercased()) ?? false,
                          "\(bad.path): '\(match?["reason"] ?? "")' does not say '\(bad.reason)'")
            XCTAssertTrue(result.stderr.contains(bad.path), "stderr names \(bad.path)")
        }
        let goodFiles = Set(Sample.truth.records.map(\.source.path)).count
        XCTAssertEqual(summary["files"] as? Int, goodFiles)
        XCTAssertEqual(summary["skipped_duplicates"] as? Int, 0)
        XCTAssertGreaterThan(summary["ocr_pages"] as? Int ?? 0, 0, "the scans were OCR'd")
        for key in ["records", "pages", "seconds"] { XCTAssertNotNil(summary[key], key) }
    }

    func testASecondIngestAddsNothing() throws {
        let before = try search("")["total"] as? Int
        let again = try CorpusBinary.run(["ingest", "--index", Self.index, Sample.path("email"), Sample.path("releases"), "--json"])
        XCTAssertEqual(again.status, 0, again.stderr)
        let summary = try XCTUnwrap(again.json as? [String: Any])
        XCTAssertEqual(summary["records"] as? Int, 0)
        XCTAssertEqual(summary["skipped_duplicates"] as? Int, Sample.truth.recordFiles(under: ["email", "releases"]).count)
        XCTAssertEqual(try search("")["total"] as? Int, before)
    }

    /// An .eml's phrase finds exactly that email, with its fields as the truth has them,
    /// in the contract's JSON shape.
    func testPhraseSearchReturnsTheEmailInTheContractShape() throws {
        for truth in Sample.truth.emails where truth.source.path.hasSuffix(".eml") {
            let response = try search("\"\(truth.phrase)\"")
            XCTAssertEqual(response["total"] as? Int, 1, truth.phrase)
            let hit = try XCTUnwrap((response["hits"] as? [[String: Any]])?.first)
            XCTAssertEqual(hit["kind"] as? String, "email")
            XCTAssertEqual(hit["subject"] as? String, truth.subject)
            XCTAssertEqual(hit["date"] as? String, truth.date)
            let from = try XCTUnwrap(hit["from"] as? [String: Any])
            XCTAssertEqual(from["address"] as? String, truth.from?.address)
            XCTAssertEqual(from["name"] as? String, truth.from?.name)
            let personal = ["gmail.com", "yahoo.com"].contains { truth.from?.address?.hasSuffix("@" + $0) ?? false }
            XCTAssertEqual(from["personal_account"] as? Bool, personal ? true : nil, "personal accounts are marked")
            let to = try XCTUnwrap(hit["to"] as? [[String: Any]])
            XCTAssertEqual(to.map { $0["address"] as? String }, truth.to.map(\.address), truth.phrase)
            XCTAssertEqual(Set(hit["agencies"] as? [String] ?? []), Set(truth.agencies), truth.phrase)
            XCTAssertEqual(Set(hit["vendors"] as? [String] ?? []), Set(truth.vendors), truth.phrase)
            let source = try XCTUnwrap(hit["source"] as? [String: Any])
            XCTAssertTrue((source["path"] as? String)?.hasSuffix(truth.source.path) ?? false)
            XCTAssertEqual((source["sha256"] as? String)?.count, 64)
            XCTAssertTrue(source["pages"] is NSNull, "no pages for an .eml")
            XCTAssertEqual(hit["ocr"] as? Bool, false)
            XCTAssertNotNil(hit["cc"] as? [Any])
            XCTAssertNotNil(hit["redactions"] as? Int)
            XCTAssertFalse((hit["snippet"] as? String ?? "").isEmpty)
            XCTAssertNotNil(hit["id"] as? String)
            let facets = try XCTUnwrap(response["facets"] as? [String: Any])
            // (The contract's facets, and the releases and requests beside them.)
            XCTAssertEqual(Set(facets.keys), ["agency", "vendor", "from", "year", "kind", "release", "request"])
        }
    }

    func testShowPrintsTheWholeRecord() throws {
        let truth = Sample.truth.emails.first { $0.source.path.hasSuffix("meeting_request.eml") }!
        let hit = try XCTUnwrap((try search("\"\(truth.phrase)\"")["hits"] as? [[String: Any]])?.first)
        let shown = try CorpusBinary.run(["show", "--index", Self.index, hit["id"] as! String, "--json"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let record = try XCTUnwrap(shown.json as? [String: Any])
        XCTAssertTrue(normalizedWords(record["text"] as? String ?? "").contains(normalizedWords(truth.phrase)))
        let missing = try CorpusBinary.run(["show", "--index", Self.index, "0000000000000000"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "corpus: no record with id 0000000000000000\n")
    }

    func testBadQueriesAndMissingIndexesFailWithOneLine() throws {
        for query in ["\"unbalanced", "(a OR b", "from:", "date:2019-02-30", "kind:memo", String(repeating: "x", count: 10_000), "<script>alert(1)</script> AND"] {
            let result = try CorpusBinary.run(["search", "--index", Self.index, query])
            XCTAssertEqual(result.status, 1, query.prefix(30) + "")
            XCTAssertTrue(result.stderr.hasPrefix("corpus: "), result.stderr)
            XCTAssertEqual(result.stderr.filter { $0 == "\n" }.count, 1, "one line: \(result.stderr)")
        }
        let missing = try CorpusBinary.run(["search", "--index", "/nonexistent/index", "x"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("run 'corpus ingest' first"), missing.stderr)
    }

    func testIndexComesFromTheEnvironmentWhenNotGiven() throws {
        let result = try CorpusBinary.run(["search", "kind:email", "--json"], environment: ["CORPUS_INDEX": Self.index])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertGreaterThan((result.json as? [String: Any])?["total"] as? Int ?? 0, 0)
    }

    /// Poppler and Tesseract (and the ~80 libraries they bring) load in the worker only,
    /// so that `corpus search` starts in milliseconds.
    func testOnlyTheWorkerLinksPopplerAndTesseract() throws {
        func libraries(_ executable: String) throws -> String {
            let ldd = Process()
            ldd.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
            ldd.arguments = [executable]
            let pipe = Pipe()
            ldd.standardOutput = pipe
            try ldd.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            ldd.waitUntilExit()
            return output
        }
        let command = try libraries(CorpusBinary.path), worker = try libraries(CorpusBinary.extractPath)
        for library in ["libpoppler", "libtesseract", "libcairo"] {
            XCTAssertFalse(command.contains(library), "corpus links \(library)")
            XCTAssertTrue(worker.contains(library), "corpus-extract does not link \(library)")
        }
        XCTAssertTrue(command.contains("libxapian"))
    }
}
