import CPoppler
@testable import Extraction
import XCTest

/// A text page is drawn to look for redaction boxes only when its content paints something
/// that may be one (`pp_page_may_paint_box`); never skipped where the drawing shows a box.
final class PagePaintTests: XCTestCase {
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
            XCTAssertEqual(pdf.mayShowBox(page: index, text: text), page.mayShowBox, page.name)
            // The drawing itself agrees: where it shows a box, the page was not skipped.
            let drawn = RedactionBoxes.find(in: pdf.render(page: index, dpi: RedactionBoxes.dpi), dpi: RedactionBoxes.dpi)
            if !drawn.isEmpty { XCTAssertTrue(page.mayShowBox, page.name) }
            XCTAssertEqual(text.contains("█"), page.name == "a box over a word", page.name)
        }
    }
}
