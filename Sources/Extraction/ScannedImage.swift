import CTesseract
import Foundation
import Workers

/// A release scanned to images rather than a PDF: a TIFF of one page or many (CCITT
/// fax-compressed as scanners write them, or not), a JPEG or a PNG, read through
/// Leptonica page by page. Its pages are OCR'd as image-only PDF pages are.
public struct ScannedImage {
    public let path: String
    public let pageCount: Int
    private let isTIFF: Bool

    /// Whether a file is an image `ScannedImage` reads, by its first bytes.
    public static func isImage(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return ImageFormat(head: (try? handle.read(upToCount: 8)) ?? Data()) != nil
    }

    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw PDFError(path: path, reason: "cannot be opened") }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        try? handle.close()
        guard let kind = ImageFormat(head: head) else { throw PDFError(path: path, reason: "not a TIFF, JPEG or PNG image") }
        self.path = path
        isTIFF = kind == .tiff
        guard isTIFF else {
            pageCount = 1
            return
        }
        guard let file = fopen(path, "rb") else { throw PDFError(path: path, reason: "cannot be opened") }
        defer { fclose(file) }
        var count: Int32 = 0
        guard tiffGetCount(file, &count) == 0, count > 0 else { throw PDFError(path: path, reason: "damaged TIFF: no page can be read") }
        pageCount = Int(count)
    }

    /// Page `index` (from 0) as 8-bit gray at no more than `PDFDocument.maxRenderedPixels`,
    /// with its resolution (as the file states it; 300 dpi when it states none).
    public func page(_ index: Int) throws -> (image: GrayImage, dpi: Double) {
        var pix = try read(index)
        defer { pixDestroy(&pix) }
        return (GrayImage(pix: pix!), Self.resolution(pix!))
    }

    /// Pages `first`...`last` (from 1) as a PDF of their own at `output`.
    public func writePages(_ first: Int, _ last: Int, to output: String) throws {
        guard first >= 1, last <= pageCount, first <= last else {
            throw PDFError(path: path, reason: "no pages \(first)-\(last) in an image of \(pageCount) page(s)")
        }
        var pages = pixaCreate(Int32(last - first + 1))
        defer { pixaDestroy(&pages) }
        var resolution = 300.0
        for number in first...last {
            var pix = try read(number - 1)
            resolution = Self.resolution(pix!)
            pixaAddPix(pages, pix, Int32(L_INSERT))
            pix = nil
        }
        guard pixaConvertToPdf(pages, Int32(resolution), 1, Int32(L_FLATE_ENCODE), 0, nil, output) == 0 else {
            throw PDFError(path: output, reason: "the pages could not be written as a PDF")
        }
    }

    /// Page `number` (from 1) as a PNG at `output`, at `dpi`.
    public func writePNG(page number: Int, dpi: Double, to output: String) throws {
        guard number >= 1, number <= pageCount else { throw PDFError(path: path, reason: "no page \(number) in an image of \(pageCount) page(s)") }
        var pix = try read(number - 1)
        defer { pixDestroy(&pix) }
        let factor = Float(min(1, dpi / Self.resolution(pix!)))
        var scaled = factor < 1 ? pixScale(pix, factor, factor) : pixClone(pix)
        defer { pixDestroy(&scaled) }
        guard let scaled, pixWrite(output, scaled, Int32(IFF_PNG)) == 0 else {
            throw PDFError(path: output, reason: "the page could not be written as a PNG")
        }
    }

    /// Page `index` as 8-bit gray, scaled down to the pixels a page may have; its
    /// resolution scaled with it. The caller destroys it.
    private func read(_ index: Int) throws -> UnsafeMutablePointer<PIX>? {
        var original = isTIFF ? pixReadTiff(path, Int32(index)) : pixRead(path)
        guard original != nil else { throw PDFError(path: path, reason: "damaged image: page \(index + 1) cannot be read") }
        defer { pixDestroy(&original) }
        var gray = pixConvertTo8(original, 0)
        guard gray != nil else { throw PDFError(path: path, reason: "page \(index + 1) has pixels of a kind that cannot be read") }
        let pixels = Double(pixGetWidth(gray)) * Double(pixGetHeight(gray))
        guard pixels > PDFDocument.maxRenderedPixels else { return gray }
        defer { pixDestroy(&gray) }
        let factor = Float((PDFDocument.maxRenderedPixels / pixels).squareRoot())
        guard let smaller = pixScale(gray, factor, factor) else { throw PDFError(path: path, reason: "page \(index + 1) is too large to read") }
        let resolution = Float(Self.resolution(gray!)) * factor
        pixSetResolution(smaller, Int32(resolution.rounded()), Int32(resolution.rounded()))
        return smaller
    }

    private static func resolution(_ pix: UnsafeMutablePointer<PIX>) -> Double {
        let stated = pixGetXRes(pix)
        return stated > 0 ? Double(stated) : 300
    }
}
