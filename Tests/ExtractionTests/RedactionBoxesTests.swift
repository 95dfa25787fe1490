@testable import Extraction
import XCTest

final class RedactionBoxesTests: XCTestCase {
    /// A white page at `dpi` with black rectangles given in points.
    func page(dpi: Double, rectangles: [(x: Double, y: Double, width: Double, height: Double)]) -> GrayImage {
        let scale = dpi / 72
        let width = Int(300 * scale), height = Int(100 * scale)
        var pixels = [UInt8](repeating: 255, count: width * height)
        for r in rectangles {
            for y in Int(r.y * scale)..<Int((r.y + r.height) * scale) {
                for x in Int(r.x * scale)..<Int((r.x + r.width) * scale) { pixels[y * width + x] = 0 }
            }
        }
        return GrayImage(width: width, height: height, pixels: pixels)
    }

    func testABoxOverOneNarrowWordIsFoundAndABoldStemIsNot() {
        // 10 pt lines: a box over "a" (about 5 pt plus its margin), one over a word, and the
        // stem of a bold 20 pt "I", as tall as a box but a fifth as wide.
        let narrow = (x: 20.0, y: 10.0, width: 7.0, height: 10.2)
        let word = (x: 60.0, y: 10.0, width: 40.0, height: 10.2)
        let stem = (x: 150.0, y: 10.0, width: 2.8, height: 14.0)
        for dpi in [RedactionBoxes.dpi, Double(PageExtractor.ocrDPI)] {
            let boxes = RedactionBoxes.find(in: page(dpi: dpi, rectangles: [narrow, word, stem]), dpi: dpi)
            let lefts = boxes.map { Double($0.x) * 72 / dpi }.sorted()
            XCTAssertEqual(lefts.count, 2, "at \(dpi) dpi: \(boxes)")
            // Within a pixel of where they were drawn (one pixel is 1.4 pt at 50 dpi).
            for (found, drawn) in zip(lefts, [narrow.x, word.x]) {
                XCTAssertEqual(found, drawn, accuracy: 72 / dpi + 0.01, "at \(dpi) dpi")
            }
        }
    }
}
