import Foundation

/// One line of a PDF's text and the page (1-based) it is on.
public struct PageLine: Sendable, Equatable {
    public var text: String
    public var page: Int
}

/// Removes what a release prints on every page rather than in the documents: running
/// headers and footers (FOIL numbers, "Gmail - …", print URLs), page numbers ("Page 3 of
/// 41", "2/4") and Bates numbers (NYPD_000123). They never split an email and never
/// reach its text.
public enum PageFurniture {
    /// How many lines at the top and bottom of a page may be furniture.
    static let margin = 4

    static let patterns: [NSRegularExpression] = [
        #"^page\s*\d+(\s*(of|/)\s*\d+)?$"#,
        #"^\d{1,4}\s*(/|of)\s*\d{1,4}$"#,
        #"^-?\s*\d{1,4}\s*-?$"#,
        // Bates numbers: a prefix and at least four digits, e.g. NYPD_000123, ICE-2020-000045.
        #"^[A-Z][A-Z0-9]{1,15}([ _-][A-Z0-9]{1,15}){0,3}[ _-]?\d{4,}$"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// - keeping: lines that look like furniture but are not (the caller's structure).
    public static func strip(_ pages: [Page], keeping: (String) -> Bool = { _ in false }) -> [PageLine] {
        let pageLines = pages.map { page in
            page.text.split(whereSeparator: \.isNewline)
                .map { $0.trimmed() }
                .filter { !$0.isEmpty }
        }
        // A line near the top or bottom that recurs on many pages (digits aside), and
        // never stands mid-page, is a running header or footer. (An Outlook print's
        // mailbox owner line recurs at page tops too, but also mid-page.)
        var seenOn: [String: Set<Int>] = [:]
        var midPage = Set<String>()
        for (index, lines) in pageLines.enumerated() {
            for (i, line) in lines.enumerated() {
                if i < margin || i >= lines.count - margin {
                    seenOn[key(line), default: []].insert(index)
                } else {
                    midPage.insert(key(line))
                }
            }
        }
        let threshold = max(2, Int((Double(pages.count) * 0.4).rounded(.up)))
        let running = Set(seenOn.filter { $0.value.count >= threshold && !midPage.contains($0.key) }.keys)

        var result: [PageLine] = []
        for (index, lines) in pageLines.enumerated() {
            let top = Set(0..<min(margin, lines.count))
            let bottom = Set(max(0, lines.count - margin)..<lines.count)
            for (i, line) in lines.enumerated() {
                let atEdge = top.contains(i) || bottom.contains(i)
                if atEdge, running.contains(key(line)) || isPageMark(line), !keeping(line) { continue }
                result.append(PageLine(text: line, page: pages[index].number))
            }
        }
        return result
    }

    /// Letters only, lowercased: page numbers and OCR's stray punctuation do not count.
    static func key(_ line: String) -> String {
        String(line.lowercased().unicodeScalars.filter { CharacterSet.lowercaseLetters.contains($0) }.map(Character.init))
    }

    static func isPageMark(_ line: String) -> Bool {
        let range = NSRange(line.startIndex..., in: line)
        return patterns.contains { $0.firstMatch(in: line, range: range) != nil }
    }
}
