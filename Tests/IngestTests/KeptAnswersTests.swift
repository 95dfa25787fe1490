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
}
