import Foundation

/// The signature block of an email body: the last lines before any quoted message.
enum Signature {
    static func block(of body: String) -> String {
        let own = QuoteMarkers.ownPart(of: body)
        let lines = own.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.trimmed().isEmpty }
        return lines.suffix(6).joined(separator: "\n")
    }
}

/// Where a reply's quoted copy of an earlier message begins.
enum QuoteMarkers {
    static let start = try! NSRegularExpression(
        pattern: #"^(?:-{2,}\s*Original Message\s*-{2,}|-{2,}\s*Forwarded message\s*-{2,}|On .{5,200}wrote:\s*$|Begin forwarded message:|From:\s.+\n\s*(?:Sent|Date):\s)"#,
        options: [.anchorsMatchLines, .caseInsensitive])

    /// The text before the first quote marker (all of it when there is none).
    static func ownPart(of text: String) -> String {
        guard let match = start.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range, in: text)
        else { return text }
        return String(text[..<range.lowerBound])
    }
}
