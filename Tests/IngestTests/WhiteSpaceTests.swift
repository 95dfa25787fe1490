import Foundation
@testable import Ingest
import TestSupport
import XCTest

final class WhiteSpaceTests: XCTestCase {
    /// Collapsed a scalar at a time, a text parts where Characters part it (search snippets
    /// and message ids depend on it): the reference is splitting at every
    /// Character.isWhitespace, on strings made of pieces that join Characters across white
    /// space (combining marks, ZWJ, a prepended mark).
    func testWhiteSpaceCollapsesWhereCharactersPart() {
        let pieces = [" ", "  ", "\t", "\r\n", "\n", "\u{0B}", "\u{00A0}", "\u{2003}", "\u{3000}", "\u{2028}", "\u{85}", "a", "word", "é",
                      "e\u{301}", "\u{301}", "\u{200D}", "\u{0600}", "\u{0903}", "…", "😀", "🇫🇷", "\u{1F}", "<b>"]
        var numbers = SeededNumbers(seed: 0x2545F4914F6CDD1D)
        for _ in 0..<5000 {
            let text = (0..<(1 + numbers.next(10))).map { _ in pieces[numbers.next(pieces.count)] }.joined()
            XCTAssertEqual(text.collapsingWhiteSpace(), text.split(whereSeparator: \.isWhitespace).joined(separator: " "),
                           text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }

    /// A page's edges read from each end are what splitting all of it into lines gives: its
    /// first three and last three lines that are not empty (one line twice on a short page).
    func testPageEdgesAreItsFirstAndLastLines() {
        let pieces = ["\n", "\n", "\r\n", "\r", "\u{2028}", "\u{85}", "line", "Page 3", " ", "\u{301}", "é", "\n\n"]
        var numbers = SeededNumbers(seed: 0x5EED_ED6E)
        for _ in 0..<5000 {
            let text = (0..<numbers.next(30)).map { _ in pieces[numbers.next(pieces.count)] }.joined()
            let lines = text.split(whereSeparator: \.isNewline)
            XCTAssertEqual(RecordBuilder.edges(of: Page(number: 1, text: text, ocrConfidence: nil)),
                           (lines.prefix(3) + lines.suffix(3)).joined(separator: "\n"), text.debugDescription)
        }
    }

    /// Trimming by scalars trims what Foundation's trimming by a character set does (a
    /// label's specks and dashes), combining marks beside them included.
    func testTrimmingScalarsAsFoundationTrimsThem() {
        let marks = "‘’'\"“”`.,_~•*°-–—"
        let scalars = Set(marks.unicodeScalars)
        let pieces = ["‘", "-", "To", "cc", "\u{301}", "é", " ", "—", "•", "a", "*"]
        var numbers = SeededNumbers(seed: 0x7A1_3ED)
        for _ in 0..<5000 {
            let text = (0..<numbers.next(6)).map { _ in pieces[numbers.next(pieces.count)] }.joined()
            XCTAssertEqual(text.trimmed(where: { scalars.contains($0) }), text.trimmingCharacters(in: CharacterSet(charactersIn: marks)),
                           text.debugDescription)
        }
    }
}
