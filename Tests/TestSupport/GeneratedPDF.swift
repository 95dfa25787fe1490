import CPoppler
import Foundation

/// Writes simple text PDFs through cairo, for tests that need a layout of their own.
public enum GeneratedPDF {
    /// Each page is a list of lines, drawn top to bottom in a sans-serif 10 pt (or
    /// `fontSize`), on letter paper (or pages of `size`, in points).
    public static func write(pages: [[String]], to path: String, size: (width: Double, height: Double) = (612, 792), fontSize: Double = 10) {
        let surface = cairo_pdf_surface_create(path, size.width, size.height)!
        let cr = cairo_create(surface)!
        cairo_select_font_face(cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, fontSize)
        for lines in pages {
            for (i, line) in lines.enumerated() {
                cairo_move_to(cr, 72, 60 + Double(i) * fontSize * 1.4)
                cairo_show_text(cr, line)
            }
            cairo_show_page(cr)
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
    }
}
