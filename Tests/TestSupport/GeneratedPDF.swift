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

    /// Damages a PDF written by `write` the way a damaged release's page tree is: its
    /// `/Count` one more than the pages it holds (the last page counted cannot be found),
    /// or, with `loop`, its first page's entry pointing back at the tree itself (that page
    /// cannot be found: poppler skips the loop). The bytes keep their offsets.
    public static func damagePageTree(of path: String, loop: Bool = false) {
        // (Latin-1: a byte a character, both ways.)
        var text = String(data: FileManager.default.contents(atPath: path)!, encoding: .isoLatin1)!
        if loop {
            // cairo writes the tree as object 1 and the first page as object 2.
            let kids = text.range(of: "/Kids [ 2 0 R")!
            text.replaceSubrange(kids, with: "/Kids [ 1 0 R")
        } else {
            let count = text.range(of: #"/Count \d+"#, options: String.CompareOptions.regularExpression)!
            let pages = Int(text[count].dropFirst("/Count ".count))!
            precondition(String(pages + 1).count == String(pages).count, "write fewer pages")
            text.replaceSubrange(count, with: "/Count \(pages + 1)")
        }
        precondition(FileManager.default.createFile(atPath: path, contents: text.data(using: .isoLatin1)!), "cannot write \(path)")
    }

    /// One letter page whose text prints right (Helvetica) but whose text layer is
    /// garbage: its ToUnicode map sends every character to the private-use area, as a
    /// PDF with a broken or missing Unicode map reads. Written by hand: cairo always
    /// writes a true map.
    public static func writeWithGarbageTextLayer(lines: [String], to path: String) {
        let text = lines.enumerated().map { i, line in
            let escaped = line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
            return "BT /F1 12 Tf 72 \(720 - i * 18) Td (\(escaped)) Tj ET"
        }.joined(separator: "\n")
        let cmap = """
            /CIDInit /ProcSet findresource begin 12 dict begin begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Garbage-UCS def /CMapType 2 def
            1 begincodespacerange <00> <FF> endcodespacerange
            1 beginbfrange <20> <7E> <E020> endbfrange
            endcmap CMapName currentdict /CMapResource defineresource pop end end
            """
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            "<< /Length \(text.utf8.count) >>\nstream\n\(text)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>",
            "<< /Length \(cmap.utf8.count) >>\nstream\n\(cmap)\nendstream",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(i + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        precondition(FileManager.default.createFile(atPath: path, contents: Data(pdf.utf8)), "cannot write \(path)")
    }
}
