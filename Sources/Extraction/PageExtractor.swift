import Foundation
import Workers

/// The work itself, done wherever an extractor runs it.
public enum PageExtractor {
    /// Resolution for OCR: Tesseract reads 10–12 pt print best at about 300 dpi.
    public static let ocrDPI = 300

    public static func pageTexts(of path: String, ocr: OCRMode) throws -> [PageText] {
        // (A scan delivered as images has no text layer: every page is OCR'd, unless never.)
        if ScannedImage.isImage(path: path) {
            return Array(repeating: PageText(text: "", needsOCR: ocr != .never), count: try ScannedImage(path: path).pageCount)
        }
        let pdf = try PDFDocument(path: path)
        let texts = pdf.pageTexts()
        guard texts.contains(where: { $0 != nil }) else {
            throw PDFError(path: path, reason: "damaged PDF: none of its \(pdf.pageCount) page(s) can be read")
        }
        return texts.enumerated().map { index, text in
            guard let text else { return PageText(text: "", needsOCR: false, unreadable: true) }
            return PageText(text: text, needsOCR: needsOCR(pdf, page: index, text: text, mode: ocr))
        }
    }

    /// Under `auto`, a page needs OCR when it has too few characters for its area and
    /// an image covers a good part of it (a blank page has neither, and is left alone),
    /// or when its text layer is garbage (`isGarbage`).
    static func needsOCR(_ pdf: PDFDocument, page: Int, text: String, mode: OCRMode) -> Bool {
        switch mode {
        case .never: return false
        case .always: return true
        case .auto:
            let size = pdf.size(page: page)
            let letterArea = 612.0 * 792.0
            let expected = 40 * max(0.25, size.width * size.height / letterArea)
            // (ASCII's white space by hand: this looks at every character of every page.)
            let characters = Array(text.unicodeScalars.filter { scalar in
                scalar.isASCII ? scalar != " " && !(9...13).contains(scalar.value) : !CharacterSet.whitespacesAndNewlines.contains(scalar)
            })
            return (Double(characters.count) < expected && pdf.largestImageCoverage(page: page) > 0.2) || isGarbage(characters)
        }
    }

    /// Whether a text layer's characters are garbage: a third of them or more no
    /// character at all — private-use code points, controls, U+FFFD, unassigned ones — as
    /// a font without a true Unicode map gives. (Punctuation is no sign: a table of
    /// contents is half dot leaders. Redaction boxes, "█", count for neither side; a few
    /// characters say nothing.)
    static func isGarbage(_ characters: [Unicode.Scalar]) -> Bool {
        let marks = characters.filter { $0 != "█" }
        guard marks.count >= 20 else { return false }
        let unmapped = marks.filter { scalar in
            // (ASCII's only such characters are its controls: the category, a table lookup,
            // is read for the rest alone, as this looks at every character of every page.)
            scalar.isASCII ? scalar.value < 0x20 || scalar.value == 0x7F
                : scalar == "\u{FFFD}" || [.privateUse, .control, .unassigned, .surrogate].contains(scalar.properties.generalCategory)
        }
        return unmapped.count * 3 >= marks.count
    }

    /// OCR of page `number` (from 1) of a PDF or a scanned image.
    public static func recognize(path: String, page number: Int, engine: OCREngine) throws -> OCRText {
        if ScannedImage.isImage(path: path) {
            let scan = try ScannedImage(path: path)
            guard number >= 1, number <= scan.pageCount else {
                throw PDFError(path: path, reason: "no page \(number) in an image of \(scan.pageCount) page(s)")
            }
            let page = try scan.page(number - 1)
            return read(page.image, dpi: page.dpi, engine: engine)
        }
        let pdf = try PDFDocument(path: path)
        guard number >= 1, number <= pdf.pageCount else {
            throw PDFError(path: path, reason: "no page \(number) in a PDF of \(pdf.pageCount) pages")
        }
        guard pdf.canRead(page: number - 1) else { throw pdf.unreadable(page: number - 1) }
        let dpi = pdf.renderingDPI(page: number - 1, wanted: Double(ocrDPI))
        return read(pdf.render(page: number - 1, dpi: dpi), dpi: dpi, engine: engine)
    }

    /// The text of a page's image, straightened, as printed lines.
    static func read(_ page: GrayImage, dpi: Double, engine: OCREngine) -> OCRText {
        let image = Deskew.straighten(page).image
        let read = engine.words(image, dpi: Int(dpi.rounded()))
        // Tesseract reads nothing in a black box: each one goes where it stands, as "█",
        // so that it is counted in the email it redacts.
        let boxes = RedactionBoxes.find(in: image, dpi: dpi).map { box in
            PhysicalLines.Glyph(text: "█", x1: Double(box.x), y1: Double(box.y),
                                x2: Double(box.x + box.width), y2: Double(box.y + box.height))
        }
        let words = read.words.map { PhysicalLines.Glyph(text: $0.text, x1: $0.x1, y1: $0.y1, x2: $0.x2, y2: $0.y2) }
        return OCRText(text: PhysicalLines.assemble(words + boxes, words: true), confidence: read.confidence)
    }
}

/// Extraction in the calling process: for tests and tools, where isolation from a
/// crashing library is not needed. Runs one call at a time.
public final class InProcessExtractor: PDFExtracting, @unchecked Sendable {
    private let lock = NSLock()
    private var engine: OCREngine?

    public init() {}

    public func pageTexts(of path: String, ocr: OCRMode) async throws -> [PageText] {
        try lock.withLock { try PageExtractor.pageTexts(of: path, ocr: ocr) }
    }

    public func recognize(path: String, page number: Int, language: String) async throws -> OCRText {
        try lock.withLock {
            if engine?.language != language { engine = try OCREngine(language: language) }
            return try PageExtractor.recognize(path: path, page: number, engine: engine!)
        }
    }

    public func ocrLanguages() async throws -> [String] {
        try OCREngine.availableLanguages()
    }

    public func unpack(archive path: String, into folder: String, only: String?) async throws -> [ArchiveMember] {
        try ArchiveUnpacker.unpack(path, into: folder, only: only)
    }

    public func outlookMessage(at path: String) async throws -> Data {
        try OutlookMessageFile.mime(of: path)
    }
}
