import CTesseract
import Foundation

/// One Tesseract engine. Loading the model is slow, so a worker keeps one for its
/// life; engines are not thread-safe. Tesseract's OpenMP threading must be off
/// (OMP_THREAD_LIMIT=1 in the environment before the library loads): parallelism
/// comes from one worker process per core.
public final class OCREngine {
    private let handle: OpaquePointer
    /// Tesseract's name of the language read ("eng", "eng+spa").
    public let language: String

    public struct InitError: Error, CustomStringConvertible {
        public var description: String
    }

    /// A word Tesseract read, with its box in the image's pixels.
    public struct Word: Sendable {
        public var text: String
        public var x1, y1, x2, y2: Double
    }

    public init(language: String = "eng") throws {
        guard let api = TessBaseAPICreate() else { throw InitError(description: "Tesseract could not start") }
        if TessBaseAPIInit3(api, nil, language) != 0 {
            TessBaseAPIDelete(api)
            throw InitError(description: "Tesseract has no '\(language)' model (install tesseract-ocr-\(language))")
        }
        TessBaseAPISetPageSegMode(api, PSM_AUTO)
        handle = api
        self.language = language
    }

    /// The languages Tesseract has models for here, by the names `init(language:)` takes.
    public static func availableLanguages() throws -> [String] {
        let engine = try OCREngine()
        guard let list = TessBaseAPIGetAvailableLanguagesAsVector(engine.handle) else { return [] }
        defer { TessDeleteTextArray(list) }
        var languages: [String] = []
        var item = list
        while let name = item.pointee {
            languages.append(String(cString: name))
            item += 1
        }
        return languages.sorted()
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// The words on the image with their boxes, and the mean word confidence (0–100).
    /// Words, not Tesseract's text: its layout analysis reads a column of labels
    /// ("From:", "Sent:") apart from the column of their values, and a date printed at
    /// the right margin apart from its sender; their boxes put them back on their line.
    public func words(_ image: GrayImage, dpi: Int) -> (words: [Word], confidence: Int) {
        image.pixels.withUnsafeBufferPointer { buffer in
            TessBaseAPISetImage(handle, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
            TessBaseAPISetSourceResolution(handle, Int32(dpi))
            defer { TessBaseAPIClear(handle) }
            guard TessBaseAPIRecognize(handle, nil) == 0, let iterator = TessBaseAPIGetIterator(handle) else { return ([], 0) }
            defer { TessResultIteratorDelete(iterator) }
            let page = TessResultIteratorGetPageIteratorConst(iterator)
            var words: [Word] = []
            repeat {
                guard let raw = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
                let text = String(cString: raw)
                TessDeleteText(raw)
                var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
                guard !text.isEmpty, TessPageIteratorBoundingBox(page, RIL_WORD, &left, &top, &right, &bottom) != 0 else { continue }
                words.append(Word(text: text, x1: Double(left), y1: Double(top), x2: Double(right), y2: Double(bottom)))
            } while TessResultIteratorNext(iterator, RIL_WORD) != 0
            return (words, Int(TessBaseAPIMeanTextConf(handle)))
        }
    }
}

/// Straightens a scanned page before OCR, through Leptonica: a page fed in at an angle
/// drifts a line's height across the page at 1°, and Tesseract then splits and merges
/// lines (a header's label and its value end up on different lines).
enum Deskew {
    /// The page turned straight, and the angle it was turned by (degrees; 0 when the
    /// skew found is too small or too uncertain to act on).
    static func straighten(_ image: GrayImage) -> (image: GrayImage, degrees: Double) {
        var pix = image.makePix()
        guard let page = pix else { return (image, 0) }
        defer { pixDestroy(&pix) }
        var angle: Float = 0, confidence: Float = 0
        var result = pixFindSkewAndDeskew(page, 2, &angle, &confidence)
        guard let straight = result else { return (image, 0) }
        defer { pixDestroy(&result) }
        // Leptonica hands back the page itself (a clone) when it finds no usable skew.
        guard abs(angle) >= 0.1, confidence >= 3, pixGetWidth(straight) == Int32(image.width) else { return (image, 0) }
        return (GrayImage(pix: straight), Double(angle))
    }
}
