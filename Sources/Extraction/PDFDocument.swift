import CPoppler
import CPopplerPage
import Foundation
import Workers

/// A PDF opened through poppler-glib. Not thread-safe: one per worker.
public final class PDFDocument {
    private let document: OpaquePointer
    /// The same file opened by poppler's own classes, for each page's text and what it
    /// paints (`pp_page_read`).
    private let reader: OpaquePointer
    public let path: String
    public let pageCount: Int

    /// Opens a PDF file. poppler takes a file URI, not a path.
    public init(path: String) throws {
        self.path = path
        var uriError: UnsafeMutablePointer<GError>?
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        guard let uri = g_filename_to_uri(absolute, nil, &uriError) else {
            throw PDFError(path: path, reason: Self.consume(uriError) ?? "not a valid file path")
        }
        defer { g_free(uri) }
        var openError: UnsafeMutablePointer<GError>?
        guard let doc = poppler_document_new_from_file(uri, nil, &openError) else {
            throw PDFError(path: path, reason: Self.reason(for: openError, path: path))
        }
        document = doc
        pageCount = Int(poppler_document_get_n_pages(doc))
        if pageCount == 0 {
            g_object_unref(UnsafeMutableRawPointer(doc))
            throw PDFError(path: path, reason: "PDF has no pages")
        }
        guard let reader = pp_document_open(absolute) else {
            g_object_unref(UnsafeMutableRawPointer(doc))
            throw PDFError(path: path, reason: "damaged PDF: poppler opens it but cannot read its pages")
        }
        self.reader = reader
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(document))
        pp_document_close(reader)
    }

    /// Maps poppler's error to a reason, freeing the GError.
    private static func reason(for error: UnsafeMutablePointer<GError>?, path: String) -> String {
        let isEncrypted = error.map { $0.pointee.domain == poppler_error_quark() && $0.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) } ?? false
        let message = consume(error) ?? "unknown error"
        if isEncrypted { return "encrypted PDF: needs a password" }
        if let handle = try? FileHandle(forReadingFrom: URL(fileURLWithPath: path)) {
            let head = (try? handle.read(upToCount: 1024)) ?? Data()
            try? handle.close()
            if head.isEmpty { return "empty file" }
            if head.range(of: Data("%PDF-".utf8)) == nil {
                return "not a PDF: starts with \(head.prefix(8).map { String(format: "%02x", $0) }.joined(separator: " "))"
            }
        }
        return "damaged or truncated PDF (\(message))"
    }

    /// The GError's message; frees it.
    private static func consume(_ error: UnsafeMutablePointer<GError>?) -> String? {
        guard let error else { return nil }
        defer { g_error_free(error) }
        return error.pointee.message.map { String(cString: $0) }
    }

    /// Whether page `index` can be loaded: a damaged page tree can leave a page that the
    /// document counts but poppler cannot find. Every other method asks for such a page
    /// only after this said yes.
    public func canRead(page index: Int) -> Bool {
        guard index >= 0, index < pageCount, let page = poppler_document_get_page(document, Int32(index)) else { return false }
        g_object_unref(UnsafeMutableRawPointer(page))
        return true
    }

    /// The error for a page that `canRead` refuses.
    func unreadable(page index: Int) -> PDFError {
        PDFError(path: path, reason: "damaged PDF: p. \(index + 1) of its \(pageCount) cannot be read")
    }

    private func withPage<T>(_ index: Int, _ body: (OpaquePointer) -> T) -> T {
        precondition(index >= 0 && index < pageCount, "page \(index) out of range")
        guard let page = poppler_document_get_page(document, Int32(index)) else {
            preconditionFailure("p. \(index + 1) of \(path) cannot be read: ask canRead(page:) first")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        return body(page)
    }

    /// The text layer of page `index` (0-based) as printed lines, top to bottom, indented
    /// from the page's own left text edge; empty for a scan.
    public func text(page index: Int) -> String {
        let page = printed(page: index)
        return page.lines.map { PhysicalLines.text(of: $0) } ?? page.raw
    }

    /// The text layer of every page, each indented from the document's left text edge:
    /// a page printed wholly inside an indented quote keeps its indent. Nil for a page
    /// that cannot be read (`canRead`).
    public func pageTexts() -> [String?] {
        let pages = (0..<pageCount).map { canRead(page: $0) ? printed(page: $0) : nil }
        let margin = PhysicalLines.documentMargin(pages.compactMap { $0?.lines })
        return pages.map { page in page.map { page in page.lines.map { PhysicalLines.text(of: $0, margin: margin) } ?? page.raw } }
    }

    /// The printed lines of page `index`. poppler's own reading order puts a column of
    /// labels ("From:", "Sent:") before the column of their values; rebuilding lines from
    /// each glyph's position keeps "From: Jane Doe <jdoe@nypd.org>" on one line, as it is
    /// on paper. A redaction box reads as "█" where it stands. Where poppler gives no
    /// position for each character (right-to-left words carry marks the layout has not),
    /// its own text (`raw`) is all there is.
    private func printed(page index: Int) -> (raw: String, lines: [PhysicalLines.Line]?) {
        let page = read(page: index)
        let scalars = Array(page.text.unicodeScalars)
        guard !page.boxes.isEmpty, scalars.count == page.boxes.count else { return (page.text, nil) }
        let scale = 72 / RedactionBoxes.dpi
        let found = mayShowBox(page)
            ? RedactionBoxes.find(in: render(page: index, dpi: RedactionBoxes.dpi), dpi: RedactionBoxes.dpi) : []
        let boxes = found.map { box in
            PhysicalLines.Glyph(text: "█", x1: Double(box.x) * scale, y1: Double(box.y) * scale,
                                x2: Double(box.x + box.width) * scale, y2: Double(box.y + box.height) * scale)
        }
        return (page.text, PhysicalLines.lines(boxes + zip(scalars, page.boxes).map { scalar, box in
            PhysicalLines.Glyph(text: String(scalar), x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2)
        }))
    }

    /// A page's text layer as poppler-glib gives it — its text, and the box of each of
    /// its characters (spaces and line ends too) — and whether its content paints
    /// something that may be a box, read in one pass (`pp_page_read`).
    struct ReadPage {
        var text: String
        var boxes: [pp_box]
        var paintsBoxLike: Bool
    }

    func read(page index: Int) -> ReadPage {
        precondition(index >= 0 && index < pageCount, "page \(index) out of range")
        var page = pp_page()
        // (A page poppler's classes cannot find is drawn, to be sure.)
        guard pp_page_read(reader, Int32(index), Self.boxSize, &page) == 0 else { return ReadPage(text: "", boxes: [], paintsBoxLike: true) }
        defer { pp_page_free(&page) }
        return ReadPage(text: String(cString: page.text), boxes: Array(UnsafeBufferPointer(start: page.boxes, count: page.box_count)),
                        paintsBoxLike: page.may_paint_box != 0)
    }

    /// The least a page must paint for `RedactionBoxes` to see a box on it at its 50 dpi:
    /// four pixels tall and three wide (5.8 and 4.3 points), each pixel three-quarters dark.
    /// Asked for less, with areas a pixel apart (1.4 points) taken as one, to spare.
    private static let boxSize = pp_box_size(join: 2, min_height: 3.5, min_width: 2, max_text_size: 18)

    /// Whether a page may show a redaction box, and must be drawn to find it: its text has
    /// a block or a square glyph ("█", "■"), or its content paints something dark and large
    /// enough, an image, or large text. A page of printed email mostly paints text alone:
    /// drawing it was a quarter of reading it.
    func mayShowBox(_ page: ReadPage) -> Bool {
        page.paintsBoxLike || page.text.unicodeScalars.contains { (0x2580...0x25FF).contains($0.value) || (0x2B00...0x2BFF).contains($0.value) }
    }

    /// Page size in points (1/72 inch).
    public func size(page index: Int) -> (width: Double, height: Double) {
        withPage(index) { page in
            var width = 0.0, height = 0.0
            poppler_page_get_size(page, &width, &height)
            return (width, height)
        }
    }

    /// The fraction of the page's area covered by its largest image (a scan: close to 1).
    public func largestImageCoverage(page index: Int) -> Double {
        withPage(index) { page in
            var width = 0.0, height = 0.0
            poppler_page_get_size(page, &width, &height)
            guard width > 0, height > 0, let mapping = poppler_page_get_image_mapping(page) else { return 0 }
            defer { poppler_page_free_image_mapping(mapping) }
            var largest = 0.0
            var node: UnsafeMutablePointer<GList>? = mapping
            while let current = node {
                if let data = current.pointee.data {
                    let area = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee.area
                    largest = max(largest, abs(area.x2 - area.x1) * abs(area.y2 - area.y1))
                }
                node = current.pointee.next
            }
            return min(1, largest / (width * height))
        }
    }

    /// Draws page `index` at `dpi` on a white cairo surface and hands it to body.
    /// The most pixels a page is rendered with (five letter pages at 300 dpi): a poster
    /// or a plan, tens of thousands of pixels a side at 300 dpi, would take gigabytes.
    public static let maxRenderedPixels = 40_000_000.0

    /// The resolution page `index` is rendered at when `dpi` is asked for: `dpi`, or less
    /// for a page too large to render at it.
    public func renderingDPI(page index: Int, wanted dpi: Double) -> Double {
        let (width, height) = size(page: index)
        let pixels = (width * dpi / 72) * (height * dpi / 72)
        return pixels <= Self.maxRenderedPixels ? dpi : dpi * (Self.maxRenderedPixels / pixels).squareRoot()
    }

    private func withRendering<T>(page index: Int, dpi wanted: Double, _ body: (OpaquePointer) -> T) -> T {
        withPage(index) { page in withRendering(page, index: index, dpi: wanted, body) }
    }

    /// Draws an open page, number `index`, as `withRendering(page:dpi:_:)` does.
    private func withRendering<T>(_ page: OpaquePointer, index: Int, dpi wanted: Double, _ body: (OpaquePointer) -> T) -> T {
        let dpi = renderingDPI(page: index, wanted: wanted)
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        let scale = dpi / 72
        let w = Int32(max(1, (width * scale).rounded())), h = Int32(max(1, (height * scale).rounded()))
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h)!
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        // An RGB24 surface starts black.
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        poppler_page_render(page, cr)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        return body(surface)
    }

    /// Renders page `index` to 8-bit grayscale at `dpi` (see `renderingDPI`) on a white
    /// background.
    public func render(page index: Int, dpi: Double) -> GrayImage {
        withPage(index) { page in render(page, index: index, dpi: dpi) }
    }

    /// An open page, number `index`, drawn as `render(page:dpi:)` draws it.
    private func render(_ page: OpaquePointer, index: Int, dpi: Double) -> GrayImage {
        withRendering(page, index: index, dpi: dpi) { surface in
            let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
            let stride = Int(cairo_image_surface_get_stride(surface))
            let data = cairo_image_surface_get_data(surface)!
            var pixels = [UInt8](repeating: 255, count: w * h)
            pixels.withUnsafeMutableBufferPointer { out in
                for y in 0..<h {
                    let row = UnsafeRawPointer(data + y * stride)
                    for x in 0..<w {
                        // RGB24 is native-endian 0x00RRGGBB (the top byte unused). Most of
                        // a page is paper: white stays 255 without the arithmetic.
                        let rgb = row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self) & 0xFF_FFFF
                        guard rgb != 0xFF_FFFF else { continue }
                        let red = (rgb >> 16) * 299, green = ((rgb >> 8) & 0xFF) * 587, blue = (rgb & 0xFF) * 114
                        out[y * w + x] = UInt8((red + green + blue) / 1000)
                    }
                }
            }
            return GrayImage(width: w, height: h, pixels: pixels)
        }
    }

    /// Renders page `number` (from 1) at `dpi` as a PNG file (page images for the web UI).
    public func writePNG(page number: Int, dpi: Double, to outputPath: String) throws {
        guard number >= 1, number <= pageCount else {
            throw PDFError(path: path, reason: "no page \(number) in a PDF of \(pageCount) pages")
        }
        guard canRead(page: number - 1) else { throw unreadable(page: number - 1) }
        let status = withRendering(page: number - 1, dpi: dpi) { cairo_surface_write_to_png($0, outputPath) }
        if status != CAIRO_STATUS_SUCCESS {
            throw PDFError(path: outputPath, reason: String(cString: cairo_status_to_string(status)))
        }
    }

    /// Writes pages first...last (1-based, inclusive) as a PDF of their own, through
    /// cairo's PDF surface; a page that cannot be read (`canRead`) is left out, as it was
    /// from the records.
    public func writePages(_ first: Int, _ last: Int, to outputPath: String) throws {
        guard first >= 1, last <= pageCount, first <= last else {
            throw PDFError(path: path, reason: "no pages \(first)–\(last) in a PDF of \(pageCount) pages")
        }
        let readable = ((first - 1)...(last - 1)).filter(canRead(page:))
        guard let firstReadable = readable.first else { throw unreadable(page: first - 1) }
        let firstSize = size(page: firstReadable)
        let surface = cairo_pdf_surface_create(outputPath, firstSize.width, firstSize.height)!
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        for index in readable {
            withPage(index) { page in
                var width = 0.0, height = 0.0
                poppler_page_get_size(page, &width, &height)
                cairo_pdf_surface_set_size(surface, width, height)
                poppler_page_render_for_printing(page, cr)
                cairo_show_page(cr)
            }
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        if cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS {
            throw PDFError(path: outputPath, reason: String(cString: cairo_status_to_string(cairo_surface_status(surface))))
        }
    }
}
