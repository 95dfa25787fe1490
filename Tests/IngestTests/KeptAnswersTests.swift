import Foundation
@testable import Ingest
import XCTest

/// The memos that keep the answers of pure work asked of the same values again and again.
final class KeptAnswersTests: XCTestCase {
    /// A question asked again is answered as first answered, without the work; a full memo
    /// is emptied, and what it held is worked out afresh when asked.
    func testMemoAnswersFromWhatItKeepsUntilFull() {
        let memo = Memo<String, Int>(capacity: 2)
        var worked: [String] = []
        func answer(_ question: String) -> Int { memo.value(for: question) { worked.append($0); return $0.count } }
        XCTAssertEqual(answer("ab"), 2)
        XCTAssertEqual(answer("ab"), 2)
        XCTAssertEqual(answer("abc"), 3)
        XCTAssertEqual(worked, ["ab", "abc"])
        XCTAssertEqual(answer("abcd"), 4)
        XCTAssertEqual(answer("abc"), 3)
        XCTAssertEqual(worked, ["ab", "abc", "abcd", "abc"])
    }

    /// Texts that Swift's `String` takes as equal but whose bytes differ ("é" composed, and
    /// "e" with a combining accent) are asked apart, each answered as worked out for it.
    func testTextsAreToldApartByTheirBytes() {
        let composed = "Ren\u{E9}e", combining = "Rene\u{301}e"
        XCTAssertEqual(composed, combining)
        let memo = TextMemo<[UInt8]>(capacity: 8)
        XCTAssertEqual(memo.value(for: composed) { Array($0.utf8) }, Array(composed.utf8))
        XCTAssertEqual(memo.value(for: combining) { Array($0.utf8) }, Array(combining.utf8))
        let recent = RecentAnswers(keeping: 4)
        XCTAssertEqual(recent.value(for: composed) { $0 }.utf8.count, 6)
        XCTAssertEqual(recent.value(for: combining) { $0 }.utf8.count, 7)
    }
}
