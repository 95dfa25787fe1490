import Foundation

/// Lines of text rebuilt from the positions of glyphs (a PDF's text layer) or words
/// (OCR): pieces whose vertical centres are close share a line; a line reads left to
/// right, with a space where glyphs are far apart, and between words.
/// Two things of the page's geometry stay in the text, because the splitter needs them
/// and plain text has no other way to carry them: a line starts with one space for each
/// character width it stands right of the left text edge (a quoted header block
/// indented, a recipient list wrapped under its value column), and an empty line marks a
/// vertical gap (the end of a header block, a paragraph).
public enum PhysicalLines {
    public struct Glyph {
        var text: String
        var x1, y1, x2, y2: Double

        public init(text: String, x1: Double, y1: Double, x2: Double, y2: Double) {
            (self.text, self.x1, self.y1, self.x2, self.y2) = (text, x1, y1, x2, y2)
        }
        var centre: Double { (y1 + y2) / 2 }
        var height: Double { max(1, y2 - y1) }
    }

    /// Indentation is capped: past this the text is right-aligned, not indented.
    static let maxIndent = 40

    /// A line as printed: its text, where it starts, its vertical centre and height.
    struct Line {
        var text: String
        var left, centre, height: Double
    }

    /// The page's text, indented from its own left text edge.
    /// - words: the pieces are words (always a space between two), not glyphs.
    public static func assemble(_ glyphs: [Glyph], words: Bool = false) -> String {
        text(of: lines(glyphs, words: words))
    }

    static func lines(_ glyphs: [Glyph], words: Bool = false) -> [Line] {
        let visible = glyphs.filter { $0.text != "\n" && $0.text != "\r" && !$0.text.isEmpty }
        // A speck OCR read as punctuation (".", "'") is far shorter than text and sits
        // off its line's centre: it would start a line of its own and pull the words
        // beside it off their line ("Date: Mon, 18 Jun 2018 -0700" and ". 17:30:07").
        // Dots and ticks are dropped (a sentence's full stop is part of its word's box);
        // other specks (a dash) join the line they stand in once the lines are made.
        // (Only OCR's words have specks: a text layer's glyph heights are not sorted.)
        let heights = words ? visible.filter { $0.text != "█" }.map(\.height).sorted() : []
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
        return lines.compactMap { line -> Line? in
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
            // (Foundation's trimming goes through NSString: asked only where a space or a
            // tab, as it reads them, ends the line.)
            func isSpace(_ scalar: Unicode.Scalar?) -> Bool { scalar.map { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator } ?? false }
            let text = isSpace(out.unicodeScalars.first) || isSpace(out.unicodeScalars.last) ? out.trimmingCharacters(in: .whitespaces) : out
            guard !text.isEmpty, let left = sorted.first(where: { $0.text != " " })?.x1 else { return nil }
            return Line(text: text, left: left, centre: line.centre, height: height)
        }
    }

    /// The left text edge of a document's pages: the middle one of their own edges, of
    /// pages with a few lines at least. A page printed wholly inside an indented quote
    /// (a long quoted message running on) starts right of it, and stays indented.
    static func documentMargin(_ pages: [[Line]]) -> Double? {
        let edges = pages.filter { $0.count >= 5 }.compactMap { $0.map(\.left).min() }.sorted()
        return edges.isEmpty ? nil : edges[edges.count / 2]
    }

    /// The lines as text, indented from `margin` (or the page's own left edge, when that
    /// stands further left).
    static func text(of printed: [Line], margin documentMargin: Double? = nil) -> String {
        guard let pageMargin = printed.map(\.left).min() else { return "" }
        let margin = min(pageMargin, documentMargin ?? pageMargin)
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
