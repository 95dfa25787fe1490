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
