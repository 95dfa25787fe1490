@testable import Extraction
import Ingest
import TestSupport
import XCTest

final class OCREngineTests: XCTestCase {
    /// A scanned page of the sample, rendered at 300 dpi and read by Tesseract, gives
    /// back most of the words the page was made from.
    func testReadsAScannedPage() throws {
        let file = "releases/NYPD_FOIL_2020-PL-00417_Part3_scanned.pdf"
        let engine = try OCREngine()
        let result = try PageExtractor.recognize(path: Sample.path(file), page: 1, engine: engine)
        let source = Set(normalizedWords(Sample.truth.scanSources[file]![0]).split(separator: " ").map(String.init).filter { $0.count > 3 })
        let read = Set(normalizedWords(result.text).split(separator: " ").map(String.init))
        let recall = Double(source.intersection(read).count) / Double(source.count)
        XCTAssertGreaterThan(recall, 0.9, "word recall \(recall)")
        XCTAssertGreaterThan(result.confidence, 60)
    }

    /// A page of 35,000 × 35,000 pixels at 300 dpi (a poster, a plan) would take
    /// gigabytes to render: it is rendered at a resolution that bounds its pixels, and read.
    func testAHugePageIsReadAtALowerResolutionInsteadOfExhaustingMemory() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID()).pdf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let side = 35_000.0 * 72 / 300
        GeneratedPDF.write(pages: [["Subject: Pilot plan", "", "The floor plan is attached."]], to: path, size: (side, side), fontSize: 160)
        let pdf = try PDFDocument(path: path)
        let dpi = pdf.renderingDPI(page: 0, wanted: Double(PageExtractor.ocrDPI))
        XCTAssertLessThan(dpi, 60)
        let image = pdf.render(page: 0, dpi: Double(PageExtractor.ocrDPI))
        XCTAssertLessThanOrEqual(Double(image.width * image.height), PDFDocument.maxRenderedPixels * 1.001)
        let result = try PageExtractor.recognize(path: path, page: 1, engine: try OCREngine())
        XCTAssertTrue(result.text.contains("floor plan"), result.text)
    }
}

/// Scans delivered as images, read through Leptonica.
final class ScannedImageTests: XCTestCase {
    /// A one-page TIFF scan at 300 dpi: one page, read at its resolution, and drawn for the
    /// reading room as a PNG at the resolution asked for.
    func testATIFFPageIsReadAtItsResolutionAndDrawnAsAPNG() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scan-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("page.pdf").path
        GeneratedPDF.write(pages: [["Subject: Pilot terms", "", "The pilot ends on Friday."]], to: pdf, fontSize: 12)
        let tiff = folder.appendingPathComponent("scan").path
        let rendered = try CorpusBinary.run(["-r", "300", "-gray", "-tiff", "-singlefile", pdf, tiff], executable: "/usr/bin/pdftoppm")
        XCTAssertEqual(rendered.status, 0, rendered.stderr)
        let scan = try ScannedImage(path: tiff + ".tif")
        XCTAssertEqual(scan.pageCount, 1)
        let page = try scan.page(0)
        XCTAssertEqual(page.dpi, 300)
        XCTAssertEqual([page.image.width, page.image.height], [2550, 3300])
        let png = folder.appendingPathComponent("page.png").path
        try scan.writePNG(page: 1, dpi: 100, to: png)
        let header = try Data(contentsOf: URL(fileURLWithPath: png)).prefix(24)
        XCTAssertEqual(Array(header.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        XCTAssertEqual(header[16..<24].reduce(0) { $0 << 8 | UInt64($1) }, 850 << 32 | 1100, "letter at 100 dpi")
        XCTAssertThrowsError(try scan.writePNG(page: 2, dpi: 100, to: png))
        let read = try PageExtractor.recognize(path: tiff + ".tif", page: 1, engine: try OCREngine())
        XCTAssertTrue(read.text.contains("The pilot ends on Friday."), read.text)
    }
}
