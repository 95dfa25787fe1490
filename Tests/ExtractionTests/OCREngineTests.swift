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
}
