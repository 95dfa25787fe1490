import Foundation
import TestSupport
import XCTest

/// Releases scanned to images: a multi-page TIFF (CCITT G4, as scanners write them) of
/// printed emails is OCR'd page by page and split into its emails like a scanned PDF; and
/// a scanned page of any size is read.
final class ScannedImageTests: XCTestCase {
    var folder: URL!
    var index: String!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tiff-\(UUID())")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        index = CorpusBinary.temporaryIndex()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(atPath: index)
    }

    /// Three printed emails, a page each, scanned to one 1-bit TIFF of three pages.
    func writeScan() throws -> String {
        func email(_ from: String, _ date: String, _ subject: String, _ body: String) -> [String] {
            ["From: \(from)", "Sent: \(date)", "To: Records Desk <records@parks.example.gov>", "Subject: \(subject)", "", body, "", "Thank you"]
        }
        let pdf = folder.appendingPathComponent("printed.pdf").path
        GeneratedPDF.write(pages: [
            email("Ines Barros <ibarros@vendor-z.example>", "Monday, March 4, 2019 9:12 AM", "Pilot terms", "The pilot ends on Friday."),
            email("Wendell Osei <wosei@parks.example.gov>", "Tuesday, March 5, 2019 2:40 PM", "RE: Pilot terms", "Send the invoice first."),
            email("Ines Barros <ibarros@vendor-z.example>", "Wednesday, March 6, 2019 8:05 AM", "Invoice", "The invoice is attached."),
        ], to: pdf, fontSize: 12)
        let pages = folder.appendingPathComponent("page").path
        let rendered = try CorpusBinary.run(["-r", "300", "-mono", "-tiff", pdf, pages], executable: "/usr/bin/pdftoppm")
        XCTAssertEqual(rendered.status, 0, rendered.stderr)
        let scan = folder.appendingPathComponent("scan.tif").path
        let singles = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("page") }.sorted()
            .map { folder.appendingPathComponent($0).path }
        XCTAssertEqual(singles.count, 3)
        let joined = try CorpusBinary.run(["-c", "g4"] + singles + [scan], executable: "/usr/bin/tiffcp")
        XCTAssertEqual(joined.status, 0, joined.stderr)
        for file in singles + [pdf] { try FileManager.default.removeItem(atPath: file) }
        return scan
    }

    func testAMultiPageTIFFScanIsSplitIntoItsEmails() throws {
        let scan = try writeScan()
        let ingest = try CorpusBinary.run(["ingest", "--index", index, folder.path, "--json"])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        let summary = try XCTUnwrap(ingest.json as? [String: Any], ingest.stdout)
        XCTAssertEqual(summary["pages"] as? Int, 3)
        XCTAssertEqual(summary["ocr_pages"] as? Int, 3)
        let all = try CorpusBinary.run(["search", "--index", index, "", "--json", "--sort", "date"])
        let hits = try XCTUnwrap((all.json as? [String: Any])?["hits"] as? [[String: Any]], all.stdout)
        XCTAssertEqual(hits.count, 3, all.stdout)
        var records: [[String: Any]] = []
        for hit in hits {
            let shown = try CorpusBinary.run(["show", "--index", index, try XCTUnwrap(hit["id"] as? String), "--json"])
            records.append(try XCTUnwrap(shown.json as? [String: Any], shown.stdout))
        }
        XCTAssertEqual(records.map { $0["subject"] as? String }, ["Pilot terms", "RE: Pilot terms", "Invoice"])
        XCTAssertEqual(records.map { ($0["from"] as? [String: Any])?["address"] as? String },
                       ["ibarros@vendor-z.example", "wosei@parks.example.gov", "ibarros@vendor-z.example"])
        XCTAssertEqual(records.map { (($0["source"] as? [String: Any])?["pages"] as? [Int]) ?? [] }, [[1, 1], [2, 2], [3, 3]])
        XCTAssertTrue(records.allSatisfy { $0["ocr"] as? Bool == true && ($0["source"] as? [String: Any])?["path"] as? String == scan })
        // Exported, each email's page is a PDF of its own, made from the scan.
        let out = folder.appendingPathComponent("export").path
        let export = try CorpusBinary.run(["export", "--index", index, "", "--out", out, "--format", "dir"])
        XCTAssertEqual(export.status, 0, export.stderr)
        let pages = try FileManager.default.contentsOfDirectory(atPath: out + "/files/pages")
        XCTAssertEqual(pages.count, 3, "\(pages)")
        let info = try CorpusBinary.run([out + "/files/pages/" + pages.sorted()[0]], executable: "/usr/bin/pdfinfo")
        XCTAssertTrue(info.stdout.contains(#/Pages:\s+1\n/#), info.stdout)
        XCTAssertTrue(info.stdout.contains(#/612 x 792 pts/#), "a letter page at the scan's resolution: \(info.stdout)")
    }

    /// A page of 35,000 × 35,000 pixels at 300 dpi (a plan, a poster) is ingested through
    /// the workers, within their memory cap, not lost to a crash.
    func testAHugePageIsIngestedWithoutACrash() throws {
        let side = 35_000.0 * 72 / 300
        GeneratedPDF.write(pages: [["Subject: Floor plan", "", "The floor plan of the annex."]],
                           to: folder.appendingPathComponent("plan.pdf").path, size: (side, side), fontSize: 160)
        let ingest = try CorpusBinary.run(["ingest", "--index", index, folder.path, "--ocr", "always", "--json"])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        let summary = try XCTUnwrap(ingest.json as? [String: Any], ingest.stdout)
        XCTAssertEqual(summary["ocr_pages"] as? Int, 1)
        XCTAssertEqual((summary["rejected"] as? [Any])?.count, 0)
        let found = try CorpusBinary.run(["search", "--index", index, "annex", "--json"])
        XCTAssertEqual((found.json as? [String: Any])?["total"] as? Int, 1, found.stdout)
    }

    func testAFileThatOnlyLooksLikeATIFFIsRejectedWithItsReason() throws {
        try Data("II*\0 these bytes are no image".utf8).write(to: folder.appendingPathComponent("broken.tif"))
        let ingest = try CorpusBinary.run(["ingest", "--index", index, folder.path, "--json"])
        let rejected = try XCTUnwrap((ingest.json as? [String: Any])?["rejected"] as? [[String: String]], ingest.stdout)
        XCTAssertEqual(rejected.count, 1)
        XCTAssertTrue(rejected.first?["reason"]?.contains("TIFF") ?? false, "\(rejected)")
    }
}
