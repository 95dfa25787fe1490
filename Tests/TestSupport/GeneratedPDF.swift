import CPoppler
import Foundation

/// Writes simple text PDFs through cairo, for tests that need a layout of their own.
public enum GeneratedPDF {
    /// Each page is a list of lines, drawn top to bottom in a sans-serif 10 pt.
    public static func write(pages: [[String]], to path: String) {
        let surface = cairo_pdf_surface_create(path, 612, 792)!
        let cr = cairo_create(surface)!
        cairo_select_font_face(cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, 10)
        for lines in pages {
            for (i, line) in lines.enumerated() {
                cairo_move_to(cr, 72, 60 + Double(i) * 14)
                cairo_show_text(cr, line)
            }
            cairo_show_page(cr)
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
    }
}
