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

    func testBoxesOnConsecutiveLinesThatTouchAreEachFound() {
        // 10.2 pt lines, boxes as tall as a line: a box over a line's first word above one
        // over the next line's first word (each line's start blacked out), and a narrow box
        // above a wide one. Together each pair fills too little of its rectangle for one box.
        let pairs: [[(x: Double, y: Double, width: Double, height: Double)]] = [
            [(x: 20, y: 10, width: 55, height: 10.2), (x: 20, y: 20.2, width: 10, height: 10.2)],
            [(x: 100, y: 30, width: 12, height: 10.2), (x: 100, y: 40.2, width: 48, height: 10.2)],
        ]
        for dpi in [RedactionBoxes.dpi, Double(PageExtractor.ocrDPI)] {
            for drawn in pairs {
                let boxes = RedactionBoxes.find(in: page(dpi: dpi, rectangles: drawn), dpi: dpi).sorted { $0.y < $1.y }
                XCTAssertEqual(boxes.count, 2, "at \(dpi) dpi: \(boxes)")
                for (found, box) in zip(boxes, drawn) {
                    XCTAssertEqual(Double(found.y) * 72 / dpi, box.y, accuracy: 72 / dpi + 0.01, "at \(dpi) dpi")
                    XCTAssertEqual(Double(found.width) * 72 / dpi, box.width, accuracy: 2 * 72 / dpi + 0.01, "at \(dpi) dpi")
                }
            }
        }
    }

    func testABoldCapitalTIsNoBox() {
        // A 20 pt bold "T": its bar is too thin for a box, its stem too narrow; cut into
        // bands, neither part passes.
        let bar = (x: 20.0, y: 10.0, width: 14.0, height: 3.0)
        let stem = (x: 25.0, y: 13.0, width: 3.5, height: 11.0)
        for dpi in [RedactionBoxes.dpi, Double(PageExtractor.ocrDPI)] {
            XCTAssertEqual(RedactionBoxes.find(in: page(dpi: dpi, rectangles: [bar, stem]), dpi: dpi), [], "at \(dpi) dpi")
        }
    }
}
