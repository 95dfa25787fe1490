import CPoppler
@testable import Extraction
import TestSupport
import XCTest

/// One pass over a page reads its text layer as poppler-glib reads it, and whether it
/// paints something that may be a redaction box (`pp_page_read`): a text page is drawn to
/// look for boxes only then, and never skipped where the drawing shows a box.
final class PageReadTests: XCTestCase {
    /// One letter page each: a line of 10 pt text, and what `paint` adds (in points, from
    /// the top left).
    func writePages(_ pages: [(name: String, paint: (OpaquePointer) -> Void)], to path: String) {
        let surface = cairo_pdf_surface_create(path, 612, 792)!
        let cr = cairo_create(surface)!
        for page in pages {
            cairo_set_source_rgb(cr, 0, 0, 0)
            cairo_select_font_face(cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
            cairo_set_font_size(cr, 10)
            cairo_move_to(cr, 72, 72)
            cairo_show_text(cr, "From: Jane Doe <jdoe@nypd.org> \(page.name)")
            page.paint(cr)
            cairo_show_page(cr)
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
    }

    func testAPageIsDrawnForBoxesOnlyWhenItPaintsSomethingThatMayBeOne() throws {
        func rectangle(_ x: Double, _ y: Double, _ width: Double, _ height: Double, grey: Double = 0) -> (OpaquePointer) -> Void {
            { cr in
                cairo_set_source_rgb(cr, grey, grey, grey)
                cairo_rectangle(cr, x, y, width, height)
                cairo_fill(cr)
            }
        }
        let pages: [(name: String, paint: (OpaquePointer) -> Void, mayShowBox: Bool)] = [
            ("text alone", { _ in }, false),
            ("a box over a word", rectangle(200, 100, 60, 12), true),
            ("a rule under a header", { cr in
                cairo_set_line_width(cr, 1)
                cairo_move_to(cr, 72, 90)
                cairo_line_to(cr, 540, 90)
                cairo_stroke(cr)
            }, false),
            // Each too thin to be a box, one once joined: two strips a point apart.
            ("two strips", { cr in
                rectangle(200, 100, 60, 2.5)(cr)
                rectangle(200, 103.5, 60, 2.5)(cr)
            }, true),
            ("a light grey panel", rectangle(200, 100, 120, 40, grey: 0.85), false),
            ("a heading", { cr in
                cairo_set_font_size(cr, 30)
                cairo_move_to(cr, 72, 150)
                cairo_show_text(cr, "NYPD")
            }, true),
            // An image may be dark anywhere: it is drawn, to see (this one is grey).
            ("a logo", { cr in
                let logo = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 20, 20)!
                let painter = cairo_create(logo)!
                cairo_set_source_rgb(painter, 0.5, 0.5, 0.5)
                cairo_paint(painter)
                cairo_destroy(painter)
                cairo_set_source_surface(cr, logo, 400, 300)
                cairo_paint(cr)
                cairo_surface_destroy(logo)
            }, true),
        ]
        let path = NSTemporaryDirectory() + "page-paint-\(UUID().uuidString).pdf"
        defer { try? FileManager.default.removeItem(atPath: path) }
        writePages(pages.map { ($0.name, $0.paint) }, to: path)
        let pdf = try PDFDocument(path: path)
        for (index, page) in pages.enumerated() {
            let text = pdf.text(page: index)
            XCTAssertTrue(text.contains(page.name), text)
            XCTAssertEqual(pdf.mayShowBox(pdf.read(page: index)), page.mayShowBox, page.name)
            // The drawing itself agrees: where it shows a box, the page was not skipped.
            let drawn = RedactionBoxes.find(in: pdf.render(page: index, dpi: RedactionBoxes.dpi), dpi: RedactionBoxes.dpi)
            if !drawn.isEmpty { XCTAssertTrue(page.mayShowBox, page.name) }
            XCTAssertEqual(text.contains("█"), page.name == "a box over a word", page.name)
        }
    }

    /// The text and each character's box, against poppler-glib's own text and text layout
    /// of the same page (a pass of their own), on every page of the sample's text PDFs.
    func testTheOnePassReadsTheTextLayerAsPopplerGlibDoes() throws {
        let files = ["releases", "documents"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: Sample.path(folder))) ?? [])
                .filter { $0.hasSuffix(".pdf") }.map { Sample.path(folder + "/" + $0) }
        }
        XCTAssertGreaterThanOrEqual(files.count, 7)
        var compared = 0
        for file in files {
            let pdf = try PDFDocument(path: file)
            let document = try XCTUnwrap(poppler_document_new_from_file(URL(fileURLWithPath: file).absoluteString, nil, nil))
            defer { g_object_unref(UnsafeMutableRawPointer(document)) }
            for index in 0..<pdf.pageCount {
                let page = poppler_document_get_page(document, Int32(index))!
                defer { g_object_unref(UnsafeMutableRawPointer(page)) }
                let raw = poppler_page_get_text(page)!
                defer { g_free(raw) }
                var rectangles: UnsafeMutablePointer<PopplerRectangle>?
                var count: guint = 0
                let laidOut = poppler_page_get_text_layout(page, &rectangles, &count) != 0
                defer { g_free(rectangles) }
                let read = pdf.read(page: index)
                XCTAssertEqual(read.text, String(cString: raw), "\(file) p. \(index + 1)")
                XCTAssertEqual(read.boxes.count, laidOut ? Int(count) : 0, "\(file) p. \(index + 1)")
                guard laidOut, read.boxes.count == Int(count) else { continue }
                for (mine, theirs) in zip(read.boxes, UnsafeBufferPointer(start: rectangles, count: Int(count))) {
                    XCTAssertEqual([mine.x1, mine.y1, mine.x2, mine.y2], [theirs.x1, theirs.y1, theirs.x2, theirs.y2], "\(file) p. \(index + 1)")
                }
                compared += read.boxes.count
            }
        }
        XCTAssertGreaterThan(compared, 10_000, "characters compared")
    }
}
