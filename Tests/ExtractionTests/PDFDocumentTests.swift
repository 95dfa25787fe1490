@testable import Extraction
import Ingest
import TestSupport
import Workers
import XCTest

final class PDFDocumentTests: XCTestCase {
    let part1 = Sample.path("releases/NYPD_FOIL_2020-PL-00417_Part1.pdf")

    func testReadsTheTextLayerPageByPage() throws {
        let pdf = try PDFDocument(path: part1)
        let first = Sample.truth.emails.first { $0.source.path.hasSuffix("Part1.pdf") }!
        XCTAssertEqual(pdf.pageCount, 8)
        let page = first.source.pages!.lowerBound
        XCTAssertTrue(normalizedWords(pdf.text(page: page - 1)).contains(normalizedWords(first.phrase)))
        XCTAssertTrue(pdf.text(page: 0).contains("NYPD_000001"), "the Bates number is on the page")
    }

    func testRendersAPageOnWhiteWithDarkText() throws {
        let pdf = try PDFDocument(path: part1)
        let image = pdf.render(page: 0, dpi: 72)
        XCTAssertEqual(image.width, 612)
        XCTAssertEqual(image.height, 792)
        XCTAssertEqual(image.pixels[0], 255, "the corner is white, not cairo's black")
        XCTAssertGreaterThan(image.pixels.filter { $0 < 100 }.count, 1000, "text is drawn")
    }

    func testAScanHasNoTextLayerAndOneFullPageImage() throws {
        let pdf = try PDFDocument(path: Sample.path("releases/NYPD_FOIL_2020-PL-00417_Part3_scanned.pdf"))
        XCTAssertEqual(pdf.text(page: 0).trimmingCharacters(in: .whitespacesAndNewlines), "")
        XCTAssertGreaterThan(pdf.largestImageCoverage(page: 0), 0.9)
        let texts = try PageExtractor.pageTexts(of: pdf.path, ocr: .auto)
        XCTAssertTrue(texts.allSatisfy(\.needsOCR))
        let born = try PageExtractor.pageTexts(of: part1, ocr: .auto)
        XCTAssertFalse(born.contains(where: \.needsOCR))
    }

    /// A text layer whose characters are garbage (a font's Unicode map broken: every
    /// character in the private-use area) is OCR'd under `auto`, and OCR reads the page.
    func testAGarbageTextLayerIsOCRdUnderAuto() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("garbage-\(UUID()).pdf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        GeneratedPDF.writeWithGarbageTextLayer(lines: ["From: Ines Barros <ibarros@vendor-z.example>", "Subject: Pilot terms",
                                                       "", "The pilot ends on Friday; the invoice follows."], to: path)
        let layer = try PageExtractor.pageTexts(of: path, ocr: .auto)
        XCTAssertEqual(layer.count, 1)
        XCTAssertFalse(layer[0].text.contains("pilot"), "the text layer is garbage: \(layer[0].text)")
        XCTAssertTrue(layer[0].needsOCR)
        let read = try PageExtractor.recognize(path: path, page: 1, engine: try OCREngine())
        XCTAssertTrue(read.text.contains("The pilot ends on Friday"), read.text)
        XCTAssertFalse(try PageExtractor.pageTexts(of: path, ocr: .never)[0].needsOCR)
        // Punctuation is no garbage: a table of contents is half dot leaders.
        let contents = "Introduction . . . . . . . . . . . . . . . . 1\nStructure handling . . . . . . . . . . . . 2\n2.1 . . . . . . . . . 3"
        XCTAssertFalse(PageExtractor.isGarbage(Array(contents.unicodeScalars.filter { !$0.properties.isWhitespace })))
        // ASCII controls are (a font without a Unicode map gives its glyph codes, "\u{03}"
        // for each space): a third of them and more, and the layer is garbage.
        let codes = Array("\u{03}Ԕΰ\u{03}ϣ\u{11}ķϙ\u{03}AB\u{03}ʆ\u{7F}Ϣi\u{03}\u{1B}R".unicodeScalars)
        XCTAssertTrue(PageExtractor.isGarbage(codes + codes))
        XCTAssertFalse(PageExtractor.isGarbage(codes.filter { !$0.isASCII || $0.properties.isAlphabetic } + Array("Subject:Pilot".unicodeScalars)))
    }

    func testUnreadablePDFsSayWhy() {
        func reason(_ file: String) -> String {
            do {
                _ = try PDFDocument(path: Sample.path(file))
                return "opened"
            } catch let error as PDFError {
                return error.reason
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(reason("bad/password_protected.pdf"), "encrypted PDF: needs a password")
        XCTAssertTrue(reason("bad/truncated.pdf").hasPrefix("damaged or truncated PDF"), reason("bad/truncated.pdf"))
        XCTAssertTrue(reason("bad/random_bytes.pdf").hasPrefix("not a PDF: starts with"), reason("bad/random_bytes.pdf"))
        XCTAssertEqual(reason("bad/empty.pdf"), "empty file")
    }

    /// A page the page tree counts but does not hold: the other pages are read, that one
    /// is marked unreadable (not a crash of the worker), and asking for it again says why.
    /// A PDF none of whose pages can be read is refused.
    func testAPageThatCannotBeLoadedIsMarkedAndTheOthersAreRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tree-\(UUID()).pdf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        GeneratedPDF.write(pages: [["From: Ines Barros", "The first page."], ["The second page."]], to: path)
        GeneratedPDF.damagePageTree(of: path)
        let pages = try PageExtractor.pageTexts(of: path, ocr: .auto)
        XCTAssertEqual(pages.map(\.unreadable), [false, false, true])
        XCTAssertTrue(pages[0].text.contains("The first page."), pages[0].text)
        XCTAssertTrue(pages[1].text.contains("The second page."), pages[1].text)
        XCTAssertEqual(pages[2].text, "")
        XCTAssertFalse(pages[2].needsOCR)
        let pdf = try PDFDocument(path: path)
        XCTAssertEqual(pdf.pageCount, 3)
        XCTAssertThrowsError(try PageExtractor.recognize(path: path, page: 3, engine: try OCREngine())) { error in
            XCTAssertEqual((error as? PDFError)?.reason, "damaged PDF: p. 3 of its 3 cannot be read")
        }
        XCTAssertThrowsError(try pdf.writePNG(page: 3, dpi: 36, to: path + ".png"))
        XCTAssertThrowsError(try pdf.writePages(3, 3, to: path + ".part.pdf"))
        // (An export of pages 2–3 gets the page there is.)
        try pdf.writePages(2, 3, to: path + ".part.pdf")
        defer { try? FileManager.default.removeItem(atPath: path + ".part.pdf") }
        let part = try PDFDocument(path: path + ".part.pdf")
        XCTAssertEqual(part.pageCount, 1)
        XCTAssertTrue(part.text(page: 0).contains("The second page."), part.text(page: 0))

        GeneratedPDF.write(pages: [["The only page."]], to: path)
        GeneratedPDF.damagePageTree(of: path, loop: true)
        XCTAssertThrowsError(try PageExtractor.pageTexts(of: path, ocr: .auto)) { error in
            XCTAssertEqual((error as? PDFError)?.reason, "damaged PDF: none of its 1 page(s) can be read")
        }
    }

    func testWritesAPageRangeAsAPDFOfItsOwn() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("range-\(UUID()).pdf").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        try PDFDocument(path: part1).writePages(2, 3, to: out)
        let copy = try PDFDocument(path: out)
        XCTAssertEqual(copy.pageCount, 2)
        // cairo re-embeds the fonts and may space glyphs apart; the page is the right one.
        XCTAssertTrue(copy.text(page: 0).filter { !$0.isWhitespace }.contains("NYPD_000002"), copy.text(page: 0))
    }
}

final class PhysicalLinesTests: XCTestCase {
    /// Word boxes as Tesseract gives them: a speck read as "." sits low between two
    /// words of a header line, and the time beside it stands a little lower than the
    /// date. The line stays one line, without the dot; a short dash stays where it stands.
    func testASpeckOCRReadAsPunctuationDoesNotSplitItsLine() {
        func word(_ text: String, _ x: Double, _ centre: Double, height: Double = 30) -> PhysicalLines.Glyph {
            PhysicalLines.Glyph(text: text, x1: x, y1: centre - height / 2, x2: x + Double(text.count) * 14, y2: centre + height / 2)
        }
        let words = [word("Date:", 0, 100), word("Mon,", 150, 100), word("18", 220, 100), word("Jun", 260, 100), word("2018", 320, 100),
                     word(".", 380, 104, height: 4), word("17:30:07", 390, 110), word("-0700", 515, 100),
                     word("To:", 0, 140), word("Gregory", 150, 140), word("-", 260, 142, height: 3), word("see", 290, 141)]
        XCTAssertEqual(PhysicalLines.assemble(words, words: true).split(separator: "\n").map(String.init),
                       ["Date:  Mon, 18 Jun 2018 17:30:07 -0700", "To:  Gregory - see"])
    }

    /// Two words of a header line boxed higher than the rest ("29," and "EDT") stay on
    /// their line; the next line, a line's pitch below, stays a line of its own.
    func testWordsBoxedOffTheirLineStayOnIt() {
        func word(_ text: String, _ x: Double, _ centre: Double) -> PhysicalLines.Glyph {
            PhysicalLines.Glyph(text: text, x1: x, y1: centre - 15, x2: x + Double(text.count) * 14, y2: centre + 15)
        }
        let words = [word("Date:", 0, 100), word("October", 90, 100), word("29,", 200, 76), word("2017", 250, 100),
                     word("at", 320, 100), word("12:11:21", 360, 100), word("PM", 480, 100), word("EDT", 520, 87),
                     word("To:", 30, 136), word("Jamal", 90, 136)]
        XCTAssertEqual(PhysicalLines.assemble(words, words: true).split(separator: "\n").map(String.init),
                       ["Date: October 29, 2017 at 12:11:21 PM EDT", "  To: Jamal"])
    }

    /// A line's characters that are spaces or tabs however encoded (a no-break space, an
    /// em space) do not begin or end it, as Foundation's trimming reads them; others stay.
    func testALineEndsAtItsTextNotAtASpaceCharacter() {
        func glyph(_ text: String, _ x: Double) -> PhysicalLines.Glyph { PhysicalLines.Glyph(text: text, x1: x, y1: 90, x2: x + 6, y2: 110) }
        let cases: [(glyphs: [String], line: String)] = [
            (["\u{00A0}", "T", "o", ":", "\u{2003}"], "To:"), (["\t", "A", "\t"], "A"), (["\u{00A0}", "\u{00A0}"], ""),
            (["\u{200B}", "B"], "\u{200B}B"), (["C", "\u{3000}"], "C"), (["D", "\u{00A0}", "E"], "D\u{00A0}E"),
        ]
        for (glyphs, line) in cases {
            let text = PhysicalLines.assemble(glyphs.enumerated().map { glyph($1, Double($0) * 6) })
            XCTAssertEqual(text, line, glyphs.joined().debugDescription)
        }
    }
}
