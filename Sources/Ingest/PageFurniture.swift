import Foundation

/// One printed line of a release and where it stands: its page (1-based), its line in
/// the source file for a text release, how far it is indented (in characters), and
/// whether a vertical gap (an empty line) comes before it.
public struct PageLine: Sendable, Equatable {
    public var text: String
    public var page: Int
    public var line: Int?
    public var indent: Int
    public var gapBefore: Bool

    public init(text: String, page: Int, line: Int? = nil, indent: Int = 0, gapBefore: Bool = false) {
        self.text = text
        self.page = page
        self.line = line
        self.indent = indent
        self.gapBefore = gapBefore
    }
}

/// Removes what a release prints on every page rather than in the documents: running
/// headers and footers (FOIL numbers, "Gmail - …", print URLs), page numbers ("Page 3 of
/// 41", "2/4"), Bates numbers (NYPD_000123), and the stamps courts and agencies put on
/// released pages (`Case 1:15-cv-07433 Document 12 Filed 01/05/24 Page 3 of 9`,
/// `U.S. Department of State Case No. F-2014-20439 Doc No. C05739559 Date: 05/13/2015`,
/// `RELEASE IN PART B6`). They never split an email, never reach its text, and never
/// give it a date or a sender.
public enum PageFurniture {
    /// How many lines at the top and bottom of a page may be furniture.
    static let margin = 4

    /// Lines that are furniture wherever they stand near a page's edge.
    static let edgePatterns: [LinePattern] = [
        // "Page 3 of 9", "[Page 3]", "-- Page 3 of 9 --", or with the Bates number beside
        // it: "Page 2   NYPD_000102".
        LinePattern(#"^[\[(\-–—\s]*page\s*\d+(\s*(of|/)\s*\d+)?[\s\])\-–—]*(\s{2,}[A-Z][A-Z0-9]*([ _-][A-Z0-9]+)*[ _-]?\d{4,})?$"#, startingWith: "[(-p" + spaces),
        LinePattern(#"^\d{1,4}\s*(/|of)\s*\d{1,4}$"#, startingWith: digits),
        // A page number and a Bates number in columns of their own: "3      PROD023796",
        // "1/16      LAS-FOIL-001276".
        LinePattern(#"(?-i)^\d{1,4}(\s*/\s*\d{1,4})?\s{2,}[A-Z][A-Z0-9]*([ _-][A-Z0-9]+)*[ _-]?\d{4,}$"#, startingWith: digits),
        LinePattern(#"(?-i)^[A-Z][A-Z0-9]*([ _-][A-Z0-9]+)*[ _-]?\d{4,}\s{2,}\d{1,4}(\s*/\s*\d{1,4})?$"#, startingWith: capitals),
        LinePattern(#"^-?\s*\d{1,8}\s*-?$"#, startingWith: "-" + spaces + digits),
        // Bates numbers: a capitalised prefix and at least four digits, e.g. NYPD_000123,
        // ICE-2020-000045 (not a title such as "Invoice INV-44026").
        LinePattern(#"(?-i)^[A-Z][A-Z0-9]{1,15}([ _-][A-Z0-9]{1,15}){0,4}[ _-]?\d{4,}$"#, startingWith: capitals),
        // A request's number over each page: 2020-ICFO-72289.
        LinePattern(#"^\d{4}-[A-Z]{2,8}-\d{3,6}$"#, startingWith: digits),
        // A browser's print header: "12/3/19, 4:05 PM   Gmail - Re: Trial" (with its
        // comma and a title: a Lotus Notes date line stands alone).
        LinePattern(#"^\d{1,2}/\d{1,2}/\d{2,4},\s*\d{1,2}:\d{2}\s*[AP]M\s+\S"#, startingWith: digits),
        // A browser's print footer: the page's address, maybe with "1/3".
        LinePattern(#"^(https?://|www\.)\S+(\s+\d{1,3}\s*/\s*\d{1,3})?$"#, startingWith: "hw"),
        LinePattern(#"^(confidential|law enforcement sensitive|for official use only|unclassified|sensitive but unclassified)\b.{0,40}$"#, startingWith: "clfus"),
        // Privilege legends: over every page, and right over a header where an Outlook
        // print has its mailbox owner's name.
        LinePattern(#"^(attorney[\s-]*client\s+privileged?|privileged\s*(and|&)?\s*confidential|attorney\s+work\s+product)\b.{0,40}$"#, startingWith: "ap"),
    ]

    /// Stamps that are furniture wherever they stand: OCR does not keep them at the edge.
    static let stampPatterns: [LinePattern] = [
        // Court filing stamps.
        LinePattern(#"^Case\s*[0-9O]{1,2}\s*:\s*\d{2}\s*-?\s*[a-z]{2}\s*-?\s*\d{3,6}.*\b(Document|Doc|Filed|Page)\b"#, startingWith: "c"),
        // Release stamps of federal FOIA productions.
        LinePattern(#"\bCase\s*No\.?\s*[A-Z]-\d{4}-\d{3,}"#, holding: "case"),
        LinePattern(#"\bDoc\s*No\.?\s*C\d{5,}"#, holding: "doc"),
        // A request number with its release date: "FOIL-2017-115-46786  Released 01/07/2019",
        // "2020-ICFO-85600  Production 01/10/2023".
        LinePattern(#"^[A-Z0-9][A-Z0-9-]{4,}\d{3,}\s+(Released|Release|Produced|Production)\s+(on\s+)?\d{1,2}/\d{1,2}/\d{2,4}$"#, startingWith: capitals + digits),
    ] + wordStampPatterns

    /// The stamps that need no digit.
    static let wordStampPatterns: [LinePattern] = [
        LinePattern(#"^RELEASE\s*IN\s*(PART|FULL)\b"#, startingWith: "r"),
        LinePattern(#"^(STATE\s*DEPT\.?|U\.?\s*S\.?\s*Department\s*of\s*State)\b.*(PRODUCED|SUBJECT TO|Case No|Doc No)"#, startingWith: "su"),
    ]

    /// Splits pages into lines and drops the furniture.
    /// - keeping: lines that look like furniture but are not (the caller's structure).
    public static func strip(_ pages: [Page], keeping: (String) -> Bool = { _ in false }) -> [PageLine] {
        strip(pages.map { page in (page.number, lines(of: page.text, firstLine: nil)) }, keeping: keeping)
    }

    /// The lines of a text release with their line numbers, paged at form feeds; or,
    /// in a file without them, after each page mark ("Page 3 of 9", "- 3 -", "[Page 3]"),
    /// so that running headers and footers are found as on paper.
    public static func strip(text: String, keeping: (String) -> Bool = { _ in false }) -> [PageLine] {
        var pages: [(Int, [PageLine])] = []
        var lineNumber = 1
        for pageText in text.split(separator: "\u{0C}", omittingEmptySubsequences: false) {
            let lines = lines(of: String(pageText), firstLine: lineNumber)
            lineNumber += pageText.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            pages.append((pages.count + 1, lines))
        }
        if pages.count == 1, let lines = pages.first?.1 {
            pages = []
            var current: [PageLine] = []
            for line in lines {
                current.append(line)
                if isPageMark(line.text), current.count > margin {
                    pages.append((pages.count + 1, current))
                    current = []
                }
            }
            pages.append((pages.count + 1, current))
        }
        return strip(pages, keeping: keeping)
    }

    /// Non-empty lines, trimmed, each with its indentation and whether a gap precedes it.
    static func lines(of text: String, firstLine: Int?) -> [PageLine] {
        var result: [PageLine] = []
        var gap = false
        for (offset, raw) in text.splitAtLineFeeds().enumerated() {
            let trimmed = raw.trimmed()
            if trimmed.isEmpty {
                gap = !result.isEmpty
                continue
            }
            // Specks a scanner left that OCR read as "." or "*": not a line of the page.
            if trimmed.count < 4, !trimmed.contains(where: { $0.isLetter || $0.isNumber || $0 == "█" }) { continue }
            let indent = raw.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 8 : 1) }
            result.append(PageLine(text: trimmed, page: 0, line: firstLine.map { $0 + offset }, indent: indent, gapBefore: gap))
            gap = false
        }
        return result
    }

    private static func strip(_ pages: [(number: Int, lines: [PageLine])], keeping: (String) -> Bool) -> [PageLine] {
        // A line near the top or bottom that recurs on many pages (digits aside), and
        // never stands mid-page, is a running header or footer. (An Outlook print's
        // mailbox owner line recurs at page tops too, but also mid-page; an email's own
        // header line never counts, even when each page starts an email from one sender.)
        var seenOn: [String: Set<Int>] = [:]
        var atTop: [String: Set<Int>] = [:]
        var midPage = Set<String>()
        let stamps = pages.map { $0.lines.map { isStamp($0.text) } }
        let edges = stamps.map(nearEdge)
        let keys = pages.map { $0.lines.map { key($0.text) } }
        for (index, page) in pages.enumerated() {
            for i in page.lines.indices {
                if edges[index][i] {
                    seenOn[keys[index][i], default: []].insert(index)
                    if i < 3 { atTop[keys[index][i], default: []].insert(index) }
                } else {
                    midPage.insert(keys[index][i])
                }
            }
        }
        // A short line must recur on two fifths of the pages; two page tops are enough
        // for a long one (a site's title over each message it prints), but only a page's
        // top: a sentence a template repeats may end two pages.
        let threshold = max(2, Int((Double(pages.count) * 0.4).rounded(.up)))
        // (A line without letters has no key to recur by: a page number is a page mark, and
        // a signature's phone number at a page's foot is text.)
        var running = Set(seenOn.filter { key, pages in
            !key.isEmpty && (pages.count >= threshold || ((atTop[key]?.count ?? 0) >= 2 && key.count >= 15)) && !midPage.contains(key)
        }.keys)
        // A line that stands over the subject it repeats, on one page at least, is a title,
        // not a running header, on every page: a tracker prints a request's title over each
        // thread, and two requests may have one title.
        for (index, page) in pages.enumerated() {
            for i in page.lines.indices where running.contains(keys[index][i]) && isTitleOverHeader(i, page.lines) {
                running.remove(keys[index][i])
            }
        }

        var result: [PageLine] = []
        for (index, page) in pages.enumerated() {
            let lines = page.lines
            var gap = false
            var previousKept = false
            for (i, line) in lines.enumerated() {
                // A line right over a header (or over the rule under it) is the mailbox
                // owner's name of an Outlook print, however often it recurs at page tops.
                func isFrom(_ k: Int) -> Bool { k < lines.count && PrintedHeader.label(of: lines[k].text)?.0 == .from }
                func overHeader() -> Bool {
                    !line.text.holdsNumber
                        && (isFrom(i + 1) || (i + 1 < lines.count && EmailSplitter.matches(EmailSplitter.rule, lines[i + 1].text) && isFrom(i + 2)))
                }
                // The line over a structure line (a Gmail thread's title over "3 messages").
                func overStructure() -> Bool { i + 1 < lines.count && keeping(lines[i + 1].text) }
                // A long subject's last words may look like a request or Bates number (a
                // wrapped line: no gap over it).
                func underSubject() -> Bool { i > 0 && !line.gapBefore && lines[i - 1].text.lowercased().hasPrefix("subject") }
                // A line that follows kept text with no gap goes on with it: a signature's
                // "Cell: (201) 555-0134" ends many pages when each email ends one, but a
                // running footer stands apart from the text.
                func continuesText() -> Bool { previousKept && !line.gapBefore }
                // What looks like furniture first (cheap); then what a header needs is kept.
                let stamp = stamps[index][i]
                let looksLikeFurniture = stamp
                    || (edges[index][i] && !overStructure()
                        && (isPageMark(line.text) || (running.contains(keys[index][i]) && !overHeader() && !continuesText())))
                let isFurniture = looksLikeFurniture && (stamp || !underSubject()) && !keeping(line.text)
                    && PrintedHeader.label(of: line.text) == nil && !HeaderBlock.isSenderLine(line.text)
                previousKept = !isFurniture
                if isFurniture {
                    gap = gap || line.gapBefore
                    continue
                }
                var kept = line
                kept.page = page.number
                kept.gapBefore = line.gapBefore || gap
                gap = false
                result.append(kept)
            }
        }
        return result
    }

    /// The subject Apple Mail prints as a title over each email: it recurs at page tops
    /// when a thread's emails each start a page.
    static func isTitleOverHeader(_ i: Int, _ lines: [PageLine]) -> Bool {
        lines[(i + 1)..<min(i + 7, lines.count)].contains { below in
            PrintedHeader.label(of: below.text).map { $0.0 == .subject && key($0.1) == key(lines[i].text) } ?? false
        }
    }

    /// Whether each line (given which are stamps) stands within `margin` lines of its page's top or bottom, not
    /// counting stamps (a release stamp over a print header, and a court stamp over
    /// that, push it down the page).
    static func nearEdge(_ stamps: [Bool]) -> [Bool] {
        let total = stamps.filter { !$0 }.count
        var above = 0
        return stamps.map { stamp in
            defer { if !stamp { above += 1 } }
            return above < margin || above >= total - margin
        }
    }

    /// Letters only, lowercased: page numbers and OCR's stray punctuation do not count.
    static func key(_ line: String) -> String {
        // (ASCII by hand, as bytes: every line of every page has its key taken.)
        var kept: [UInt8] = []
        kept.reserveCapacity(line.utf8.count)
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 65...90: kept.append(UInt8(scalar.value + 32))
            case 97...122: kept.append(UInt8(scalar.value))
            case 0..<128: continue
            default:
                for lower in String(scalar).lowercased().unicodeScalars where CharacterSet.lowercaseLetters.contains(lower) {
                    kept.append(contentsOf: String(lower).utf8)
                }
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    static func isPageMark(_ line: String) -> Bool {
        let asked = LinePattern.Line(line)
        return edgePatterns.contains { $0.matches(asked) }
    }

    static func isStamp(_ line: String) -> Bool {
        let asked = LinePattern.Line(line)
        // (Most stamps carry a number; most lines of text have none.)
        let patterns = line.holdsNumber ? stampPatterns : wordStampPatterns
        return patterns.contains { $0.matches(asked) }
    }

    /// A furniture pattern (matched case aside), with what an ASCII line must start with or
    /// hold for it to match: most lines are known not to match without asking ICU, which
    /// costs a microsecond a pattern on every line. (Within ASCII, caseless matching pairs
    /// only a letter's two cases; a line with other characters is always asked.)
    struct LinePattern {
        let regex: NSRegularExpression
        /// The bytes such a line may start with, letters lowered; nil: any.
        let starts: Set<UInt8>?
        /// A word such a line holds, in lower case.
        let word: String?

        init(_ pattern: String, startingWith starts: String) {
            regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            self.starts = Set(starts.lowercased().utf8)
            word = nil
        }

        init(_ pattern: String, holding word: String) {
            regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            starts = nil
            self.word = word
        }

        /// A line as the patterns ask it: whether it is ASCII, and its first byte lowered,
        /// found once for them all.
        struct Line {
            let text: String
            let ascii: Bool
            let first: UInt8?

            init(_ text: String) {
                self.text = text
                ascii = text.utf8.allSatisfy { $0 < 0x80 }
                first = text.utf8.first.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            }
        }

        func matches(_ line: Line) -> Bool {
            if line.ascii {
                if let starts, let first = line.first, !starts.contains(first) { return false }
                // (Lowered here: most lines are ruled out by their first byte, or asked no word.)
                if let word, !ByteSearch.ASCIILowered(line.text).holds(word) { return false }
            }
            return regex.firstMatch(in: line.text, range: NSRange(line.text.startIndex..., in: line.text)) != nil
        }
    }

    private static let spaces = " \t\n\r\u{0B}\u{0C}", digits = "0123456789", capitals = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
}
