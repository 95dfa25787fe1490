import Foundation
import TestSupport
import XCTest

/// Scans in another language than English: read with `--ocr-lang`, the language kept on
/// the record; a language without its model refused before anything is read, naming the
/// Debian package that brings it.
final class OCRLanguageTests: XCTestCase {
    var folder: URL!
    var index: String!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ocr-lang-\(UUID())")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        index = CorpusBinary.temporaryIndex()
        GeneratedPDF.write(pages: [[
            "From: Lucía Fernández <lfernandez@ayuntamiento.example.es>", "Date: Tue, 4 Dec 2018 10:32:00 -0500",
            "To: Mónica Peña <mpena@records.example.org>", "Subject: Solicitud de información", "",
            "La solicitud de información pública fue recibida el miércoles.",
            "La respuesta llegará en treinta días hábiles.",
        ]], to: folder.appendingPathComponent("respuesta.pdf").path, fontSize: 14)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(atPath: index)
    }

    func testASpanishScanIsReadInSpanishAndSaysSo() throws {
        let ingest = try CorpusBinary.run(["ingest", "--index", index, folder.path, "--ocr", "always", "--ocr-lang", "spa", "--json"])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        let found = try CorpusBinary.run(["search", "--index", index, "miércoles", "--json"])
        let hits = try XCTUnwrap((found.json as? [String: Any])?["hits"] as? [[String: Any]], found.stdout)
        XCTAssertEqual(hits.count, 1, found.stdout)
        let shown = try CorpusBinary.run(["show", "--index", index, try XCTUnwrap(hits.first?["id"] as? String), "--json"])
        let record = try XCTUnwrap(shown.json as? [String: Any], shown.stdout)
        XCTAssertEqual(record["ocr_language"] as? String, "spa")
        XCTAssertEqual(record["ocr"] as? Bool, true)
        let text = try XCTUnwrap(record["text"] as? String)
        for word in ["información", "miércoles", "llegará", "días", "hábiles"] {
            XCTAssertTrue(text.contains(word), "\(word) in \(text)")
        }
    }

    func testALanguageWithoutItsModelIsRefusedNamingThePackage() throws {
        let ingest = try CorpusBinary.run(["ingest", "--index", index, folder.path, "--ocr-lang", "eng+xho"])
        XCTAssertNotEqual(ingest.status, 0)
        XCTAssertTrue(ingest.stderr.contains("apt-get install tesseract-ocr-xho"), ingest.stderr)
        XCTAssertFalse(ingest.stderr.contains("tesseract-ocr-eng"), "English is installed: \(ingest.stderr)")
        let badName = try CorpusBinary.run(["ingest", "--index", index, folder.path, "--ocr-lang", "Spanish"])
        XCTAssertNotEqual(badName.status, 0)
        XCTAssertTrue(badName.stderr.contains("eng+spa"), badName.stderr)
        // (The PDF has a text layer: an ingest that went on would have made it a record.)
        let all = try CorpusBinary.run(["search", "--index", index, "", "--json"])
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertEqual((all.json as? [String: Any])?["total"] as? Int, 0, "nothing was read")
    }
}
