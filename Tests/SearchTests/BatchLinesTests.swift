import Foundation
@testable import Search
import XCTest

/// The queries of a batch file: lines or a spreadsheet's first column, with their numbers.
final class BatchLinesTests: XCTestCase {
    func testLinesCommentsAndBlanks() {
        let text = "# vendors\r\nClearview AI\r\n\r\n  Cognitec  \r\n#Kairos\r\nvendor:\"Face++\"\r\n"
        XCTAssertEqual(Batch.lines(of: Data(text.utf8), csv: false),
                       [.init(number: 2, query: "Clearview AI"), .init(number: 4, query: "Cognitec"), .init(number: 6, query: "vendor:\"Face++\"")])
    }

    func testASpreadsheetsFirstColumnWithOrWithoutAHeader() {
        let sheet = "Vendor,Notes\n\"Amazon Rekognition\",\"a trial, 2019\"\nNEC,\n"
        XCTAssertEqual(Batch.lines(of: Data(sheet.utf8), csv: true).map(\.query), ["Amazon Rekognition", "NEC"])
        XCTAssertEqual(Batch.lines(of: Data("Kairos,x\nNEC,y\n".utf8), csv: true).map(\.number), [1, 2], "no header: every row")
    }

    func testAListTypedInWindows1252() {
        XCTAssertEqual(Batch.lines(of: Data([0x4E, 0x69, 0x63, 0x65, 0x20, 0xE9, 0x71, 0x75, 0x69, 0x70, 0x65]), csv: false).map(\.query), ["Nice équipe"])
    }
}
