import Foundation
@testable import Ingest
import TestSupport
import XCTest

/// The byte-level searches that stand in for Foundation's on every message, each against
/// Foundation's (or a plain search) as oracle on generated texts.
final class ByteSearchTests: XCTestCase {
    let pieces = ["a", "b", "ab", "@", " ", "@ ", "\r", "\n", "\r\n", "=?", "é", "\u{301}", "😀", "ſ", "A", "-", "x"]
    var numbers = SeededNumbers(seed: 0xB17E_5EA2C4)

    func generated(_ length: Int) -> String {
        (0..<numbers.next(length)).map { _ in pieces[numbers.next(pieces.count)] }.joined()
    }

    /// Replaced literally, code unit for code unit (a mark combining with a target's last
    /// letter does not save it, as it would Foundation's default, composed comparison).
    func testReplacingAsFoundationReplacesLiterally() {
        for _ in 0..<3000 {
            let text = generated(20)
            for (target, replacement) in [("\r\n", "\n"), ("@ ", "@"), ("ab", "")] {
                XCTAssertEqual(ByteSearch.replacing(target, with: replacement, in: text),
                               text.replacingOccurrences(of: target, with: replacement, options: .literal), text.debugDescription)
            }
        }
    }

    func testHoldsWhatItHolds() {
        var held = 0
        for _ in 0..<3000 {
            let text = generated(12), needle = generated(3)
            let bytes = Array(text.utf8), wanted = Array(needle.utf8)
            let expected = wanted.isEmpty || (0..<bytes.count).contains { bytes[$0...].starts(with: wanted) }
            XCTAssertEqual(text.holds(needle), expected, "\(text.debugDescription) \(needle.debugDescription)")
            if expected { held += 1 }
        }
        XCTAssertGreaterThan(held, 500, "both answers are tried")
        XCTAssertTrue("To: a b".dropFirst(3).holds(" "))
        XCTAssertFalse("To:ab c".dropFirst(3).prefix(2).holds(" "))
    }

    /// A word the text holds is never ruled out by its runs of three bytes.
    func testTrigramsNeverRuleOutAWordTheTextHolds() {
        for _ in 0..<3000 {
            let bytes = Array(generated(40).utf8)
            let runs = ByteSearch.Trigrams(bytes)
            for _ in 0..<10 {
                let start = numbers.next(bytes.count + 1)
                let word = Array(bytes[start...].prefix(numbers.next(8)))
                XCTAssertTrue(runs.mayHold(word), "\(bytes) \(word)")
            }
        }
        let runs = ByteSearch.Trigrams(Array("the trial accounts".utf8))
        XCTAssertFalse(runs.mayHold(Array("clearview".utf8)), "a word of other runs is ruled out")
    }

    /// The two spaces a label's column ends with, found where Foundation's composed search
    /// finds them: a combining mark may make the second space part of another character.
    func testColumnGapIsWhereFoundationFindsIt() {
        let pieces = [" ", "  ", "a", "To", ":", "\u{301}", "\u{0600}", "é", "😀", "\t", "\u{00A0}"]
        var found = 0
        for _ in 0..<5000 {
            let text = (0..<(1 + numbers.next(10))).map { _ in pieces[numbers.next(pieces.count)] }.joined()
            let expected = text.range(of: "  ")
            XCTAssertEqual(text.firstRange(ofASCII: "  "), expected, text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            if expected != nil { found += 1 }
        }
        XCTAssertGreaterThan(found, 1000, "both answers are tried")
    }

    /// Whether a text holds a number, as Character.isNumber reads its characters: other
    /// scripts' digits, fractions and circled numbers count; a digit a prepended mark
    /// joins to its character does not.
    func testHoldsNumberAsCharactersDo() {
        let pieces = ["a", " ", "7", "0", "٣", "½", "①", "\u{0600}", "\u{301}", "é", "-", "x"]
        for _ in 0..<5000 {
            let text = (0..<(1 + numbers.next(6))).map { _ in pieces[numbers.next(pieces.count)] }.joined()
            XCTAssertEqual(text.holdsNumber, text.contains(where: \.isNumber), text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
        XCTAssertTrue("Page 3 of 9".holdsNumber)
        XCTAssertFalse("RELEASE IN PART".holdsNumber)
    }

    /// A colon or a number as Characters hold them: a colon a mark combines with is a
    /// character of its own, no colon.
    func testHoldsColonOrNumberAsCharactersDo() {
        let pieces = ["a", " ", ":", "7", "٣", "½", "\u{0600}", "\u{301}", "\r\n", "é", "-"]
        for _ in 0..<5000 {
            let text = (0..<(1 + numbers.next(6))).map { _ in pieces[numbers.next(pieces.count)] }.joined()
            XCTAssertEqual(text.holdsColonOrNumber, text.contains { $0 == ":" || $0.isNumber },
                           text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
        XCTAssertTrue("Sent: Monday".holdsColonOrNumber)
        XCTAssertFalse("To Jane Doe/NYPD@NYPD".holdsColonOrNumber)
        XCTAssertFalse("cc:\u{301} é".holdsColonOrNumber)
    }

    /// Lines parted at line feeds as Characters part them: "\r\n" is one character.
    func testSplitAtLineFeedsAsCharacters() {
        let pieces = ["\n", "\r", "\r\n", "a", "é", "\u{301}", " ", "\n\n"]
        for _ in 0..<5000 {
            let text = (0..<numbers.next(12)).map { _ in pieces[numbers.next(pieces.count)] }.joined()
            XCTAssertEqual(text.splitAtLineFeeds(), text.split(separator: "\n", omittingEmptySubsequences: false), text.debugDescription)
        }
    }

    func testASCIILetteredLowered() {
        XCTAssertEqual(ByteSearch.ASCIILowered("FOIL Request Éſ\u{212A}").bytes, Array("foil request Éſ\u{212A}".utf8))
    }
}
