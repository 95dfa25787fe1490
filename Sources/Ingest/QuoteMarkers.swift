import Foundation

/// The signature block of an email body: the last lines before any quoted message.
enum Signature {
    static func block(of body: String) -> String {
        let own = QuoteMarkers.ownPart(of: body).unicodeScalars
        // (Its last six lines holding more than white space, sought from the end: splitting
        // the whole text into Characters was a twentieth of reading a mailbox. Line breaks
        // are Characters of their own, "\r\n" aside, so lines part at the same places.)
        var lines: [Substring.UnicodeScalarView] = []
        var end = own.endIndex
        var at = end
        while lines.count < 6 {
            let atStart = at == own.startIndex
            let before = atStart ? at : own.index(before: at)
            if atStart || isLineBreak(own[before]) {
                let line = own[at..<end]
                if line.contains(where: { !String.isWhitespace($0) }) { lines.append(line) }
                end = before
            }
            if atStart { break }
            at = before
        }
        return lines.reversed().map { String($0) }.joined(separator: "\n")
    }

    /// The scalars that make a Character `isNewline`.
    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}

/// Where a reply's quoted copy of an earlier message begins.
enum QuoteMarkers {
    static let start = try! NSRegularExpression(
        pattern: #"^(?:-{2,}\s*Original Message\s*-{2,}|-{2,}\s*Forwarded message\s*-{2,}|On .{5,200}wrote:"# + exemptionCodes + #"\s*$|Begin forwarded message:|From:\s.+\n\s*(?:Sent|Date):\s)"#,
        options: [.anchorsMatchLines, .caseInsensitive])

    /// Exemption codes a redaction leaves at a line's end ("<█> wrote:  B6", "(b)(6)",
    /// "§87(2)(b)").
    static let exemptionCodes = #"(?:[ \t]+(?:B\d|\(b\)\s?\(\d\)(?:\s?\([A-F]\))?|§\s?87\s?\(2\)\s?\([a-z]\)(?:\s?\([ivx]+\))?))*"#

    /// "On <date>, <name> wrote:" (Gmail, Apple Mail, Thunderbird), wrapped or not, and
    /// inside the quotes of later replies ("> > On …"). A page break may fall where it was
    /// wrapped, leaving a blank line before "<address> wrote:".
    static let attribution = try! NSRegularExpression(
        pattern: #"(?m)^[ \t>]*On\s+((?:(?!\bwrote:)[^\n]|\n(?![\s>]*\n)|\n[ \t>]*\n(?=[ \t>]*<[^\s<>@]+@[^\s<>]+>\s+wrote:)){5,250}?)\s+wrote:"# + exemptionCodes + #"\s*$"#)

    /// The sender and date of each message a reply quotes under an attribution line, in
    /// the order printed: a header of From and Date only. The date ends with its time (and
    /// AM or PM); a line without a time is skipped.
    static func attributions(in body: String) -> [PrintedHeader] {
        attribution.matches(in: body, range: NSRange(body.startIndex..., in: body)).compactMap { match in
            guard let range = Range(match.range(at: 1), in: body) else { return nil }
            // (A wrapped attribution inside a quote goes on after the quote's ">" marks.)
            let text = body[range].replacingOccurrences(of: #"\n[\s>]*"#, with: " ", options: .regularExpression)
            let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
            guard var end = words.firstIndex(where: { $0.range(of: #"^\d{1,2}:\d{2}(:\d{2})?,?$"#, options: .regularExpression) != nil })
            else { return nil }
            if end + 1 < words.count, ["am", "pm", "a.m.", "p.m."].contains(words[end + 1].lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ","))) {
                end += 1
            }
            let separators = CharacterSet(charactersIn: ", ")
            let dateText = words[...end].joined(separator: " ").trimmingCharacters(in: separators)
            let name = words[(end + 1)...].joined(separator: " ").trimmingCharacters(in: separators)
            guard !name.isEmpty, let date = DateParser.parse(dateText), date.time != nil else { return nil }
            var header = PrintedHeader()
            header.fields[.from] = name
            header.fields[.date] = dateText
            return header
        }
    }

    /// The text before the first quote marker (all of it when there is none).
    static func ownPart(of text: String) -> String {
        recentOwnParts.value(for: text) { text in
            guard let match = start.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let range = Range(match.range, in: text)
            else { return text }
            return String(text[..<range.lowerBound])
        }
    }

    /// One email's text is asked for its own part several times over (its signature, the
    /// accounts and names its sender gives), each a search of the whole text: the last
    /// few answers are kept.
    private static let recentOwnParts = RecentAnswers(keeping: 16)
}
