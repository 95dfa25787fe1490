import CPoppler
import Foundation
import Workers

/// A PDF opened through poppler-glib. Not thread-safe: one per worker.
public final class PDFDocument {
    private let document: OpaquePointer
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
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(document)) }

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
                return "not a PDF: starts with \(head.map { String(format: "%02x", $0) }.joined(separator: " "))"
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

    private func withPage<T>(_ index: Int, _ body: (OpaquePointer) -> T) -> T {
        precondition(index >= 0 && index < pageCount, "page \(index) out of range")
        let page = poppler_document_get_page(document, Int32(index))!
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        return body(page)
    }

    /// The text layer of page `index` (0-based) as printed lines, top to bottom; empty
    /// for a scan. poppler's own reading order puts a column of labels ("From:", "Sent:")
    /// before the column of their values; rebuilding lines from each glyph's position
    /// keeps "From: Jane Doe <jdoe@nypd.org>" on one line, as it is on paper. A
    /// redaction box reads as "█" where it stands.
    public func text(page index: Int) -> String {
        let scale = 72 / RedactionBoxes.dpi
        let boxes = RedactionBoxes.find(in: render(page: index, dpi: RedactionBoxes.dpi), dpi: RedactionBoxes.dpi).map { box in
            PhysicalLines.Glyph(text: "█", x1: Double(box.x) * scale, y1: Double(box.y) * scale,
                                x2: Double(box.x + box.width) * scale, y2: Double(box.y + box.height) * scale)
        }
        return withPage(index) { page in
            guard let raw = poppler_page_get_text(page) else { return "" }
            defer { g_free(raw) }
            let text = String(cString: raw)
            var rectangles: UnsafeMutablePointer<PopplerRectangle>?
            var count: guint = 0
            guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let layout = rectangles else { return text }
            defer { g_free(layout) }
            let scalars = Array(text.unicodeScalars)
            guard scalars.count == Int(count) else { return text }
            return PhysicalLines.assemble(boxes + scalars.enumerated().map { i, scalar in
                let box = layout[i]
                return PhysicalLines.Glyph(text: String(scalar), x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2)
            })
        }
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
    private func withRendering<T>(page index: Int, dpi: Double, _ body: (OpaquePointer) -> T) -> T {
        withPage(index) { page in
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
    }

    /// Renders page `index` to 8-bit grayscale at `dpi` on a white background.
    public func render(page index: Int, dpi: Double) -> GrayImage {
        withRendering(page: index, dpi: dpi) { surface in
            let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
            let stride = Int(cairo_image_surface_get_stride(surface))
            let data = cairo_image_surface_get_data(surface)!
            var pixels = [UInt8](repeating: 255, count: w * h)
            pixels.withUnsafeMutableBufferPointer { out in
                for y in 0..<h {
                    let row = data + y * stride
                    for x in 0..<w {
                        // RGB24 is native-endian 0x00RRGGBB: bytes B, G, R, _ on little-endian.
                        let p = row + x * 4
                        let red = UInt32(p[2]) * 299, green = UInt32(p[1]) * 587, blue = UInt32(p[0]) * 114
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
        let status = withRendering(page: number - 1, dpi: dpi) { cairo_surface_write_to_png($0, outputPath) }
        if status != CAIRO_STATUS_SUCCESS {
            throw PDFError(path: outputPath, reason: String(cString: cairo_status_to_string(status)))
        }
    }

    /// Writes pages first...last (1-based, inclusive) as a PDF of their own, through
    /// cairo's PDF surface.
    public func writePages(_ first: Int, _ last: Int, to outputPath: String) throws {
        guard first >= 1, last <= pageCount, first <= last else {
            throw PDFError(path: path, reason: "no pages \(first)–\(last) in a PDF of \(pageCount) pages")
        }
        let firstSize = size(page: first - 1)
        let surface = cairo_pdf_surface_create(outputPath, firstSize.width, firstSize.height)!
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        for index in (first - 1)...(last - 1) {
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

/// An 8-bit grayscale raster, row-major, one byte a pixel (0 black, 255 white).
public struct GrayImage: Sendable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]
}

/// Lines of text rebuilt from the positions of glyphs (a PDF's text layer) or words
/// (OCR): pieces whose vertical centres are close share a line; a line reads left to
/// right, with a space where glyphs are far apart, and between words.
/// Two things of the page's geometry stay in the text, because the splitter needs them
/// and plain text has no other way to carry them: a line starts with one space for each
/// character width it stands right of the page's left text edge (a quoted header block
/// indented, a recipient list wrapped under its value column), and an empty line marks a
/// vertical gap (the end of a header block, a paragraph).
enum PhysicalLines {
    struct Glyph {
        var text: String
        var x1, y1, x2, y2: Double
        var centre: Double { (y1 + y2) / 2 }
        var height: Double { max(1, y2 - y1) }
    }

    /// Indentation is capped: past this the text is right-aligned, not indented.
    static let maxIndent = 40

    /// - words: the pieces are words (always a space between two), not glyphs.
    static func assemble(_ glyphs: [Glyph], words: Bool = false) -> String {
        let visible = glyphs.filter { $0.text != "\n" && $0.text != "\r" && !$0.text.isEmpty }
        // A speck OCR read as punctuation (".", "'") is far shorter than text and sits
        // off its line's centre: it would start a line of its own and pull the words
        // beside it off their line ("Date: Mon, 18 Jun 2018 -0700" and ". 17:30:07").
        // Dots and ticks are dropped (a sentence's full stop is part of its word's box);
        // other specks (a dash) join the line they stand in once the lines are made.
        let heights = visible.filter { $0.text != "█" }.map(\.height).sorted()
        let typical = heights.isEmpty ? 0 : heights[heights.count / 2]
        func isSpeck(_ glyph: Glyph) -> Bool {
            words && glyph.height < typical * 0.5 && !glyph.text.contains(where: { $0.isLetter || $0.isNumber || $0 == "█" })
        }
        var lines: [(centre: Double, height: Double, glyphs: [Glyph])] = []
        // A redaction box may stand taller than the text beside it: lines are measured
        // by their text.
        for glyph in visible.sorted(by: { $0.centre < $1.centre }) where !isSpeck(glyph) {
            if let last = lines.last, abs(glyph.centre - last.centre) < min(last.height, glyph.height) * 0.5 {
                lines[lines.count - 1].glyphs.append(glyph)
            } else {
                lines.append((glyph.centre, glyph.height, [glyph]))
            }
        }
        // OCR boxes some words of a line a little higher or lower than the rest ("29," and
        // "EDT" of "Date: October 29, 2017 at 12:11:21 PM EDT"): they start a line of their
        // own. Two neighbouring lines closer than a line's pitch whose words never stand
        // over one another are one printed line.
        if words {
            var joined: [(centre: Double, height: Double, glyphs: [Glyph])] = []
            for line in lines {
                if let last = joined.last, abs(line.centre - last.centre) < 0.9 * max(line.height, last.height),
                   !line.glyphs.contains(where: { a in last.glyphs.contains { b in a.x1 < b.x2 && b.x1 < a.x2 } })
                {
                    let main = last.glyphs.count >= line.glyphs.count ? last : line
                    joined[joined.count - 1] = (main.centre, max(last.height, line.height), last.glyphs + line.glyphs)
                } else {
                    joined.append(line)
                }
            }
            lines = joined
        }
        for speck in visible where isSpeck(speck) && !speck.text.allSatisfy({ ".,'`‘’:;·".contains($0) }) {
            if let line = lines.indices.min(by: { abs(lines[$0].centre - speck.centre) < abs(lines[$1].centre - speck.centre) }),
               abs(lines[line].centre - speck.centre) < lines[line].height
            {
                lines[line].glyphs.append(speck)
            }
        }
        let printed = lines.compactMap { line -> (text: String, left: Double, centre: Double, height: Double)? in
            // The line's height is its tallest piece of text: an OCR'd word without
            // ascenders ("van") is only as tall as its small letters.
            let height = line.glyphs.filter { $0.text != "█" }.map(\.height).max() ?? line.height
            var out = ""
            var previous: Glyph?
            var spaced = false
            let sorted = line.glyphs.sorted(by: { $0.x1 < $1.x1 })
            for glyph in sorted {
                if glyph.text == " " {
                    spaced = true
                    continue
                }
                if let previous {
                    let gap = glyph.x1 - previous.x2
                    // Two spaces for a gap of two characters or more: columns (a label
                    // and its value, a Notes memo's sender beside its To line) stay apart.
                    if gap > height { out.append("  ") } else if spaced || words || gap > height * 0.25 { out.append(" ") }
                }
                out.append(glyph.text)
                previous = glyph
                spaced = false
            }
            let text = out.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, let left = sorted.first(where: { $0.text != " " })?.x1 else { return nil }
            return (text, left, line.centre, height)
        }
        guard let margin = printed.map(\.left).min() else { return "" }
        var result: [String] = []
        for (i, line) in printed.enumerated() {
            if i > 0 {
                let previous = printed[i - 1]
                // Lines printed one after another stand about 1.2 heights apart.
                if line.centre - previous.centre > 1.9 * max(line.height, previous.height) { result.append("") }
            }
            // A character is about half the line's height wide.
            let indent = min(maxIndent, Int(((line.left - margin) / (line.height * 0.5)).rounded()))
            result.append(String(repeating: " ", count: max(0, indent)) + line.text)
        }
        return result.joined(separator: "\n")
    }
}
