import Foundation
@testable import Ingest
import TestSupport
import XCTest

/// The hashes that name records and files.
final class FileHashTests: XCTestCase {
    /// A short hash is the whole hash's first 16 hex digits, for any text.
    func testShortHashIsTheWholeHashsFirstDigits() {
        XCTAssertEqual(FileHash.shortSHA256("abc"), "ba7816bf8f01cfea")
        XCTAssertEqual(FileHash.shortSHA256(""), "e3b0c44298fc1c14")
        var numbers = SeededNumbers(seed: 0x5A_256)
        let pieces = ["a", "é", "\u{301}", "😀", "\r\n", ":", "7", " "]
        for _ in 0..<500 {
            let text = (0..<numbers.next(20)).map { _ in pieces[numbers.next(pieces.count)] }.joined()
            XCTAssertEqual(FileHash.shortSHA256(text), String(FileHash.sha256(Data(text.utf8)).prefix(16)), text.debugDescription)
        }
    }
}
