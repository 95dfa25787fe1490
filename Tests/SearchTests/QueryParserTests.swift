@testable import Search
import XCTest

final class QueryParserTests: XCTestCase {
    func testForms() throws {
        XCTAssertEqual(try QueryParser.parse(""), .all)
        XCTAssertEqual(try QueryParser.parse("clearview trial"),
                       .and(.text("clearview", phrase: false), .text("trial", phrase: false)))
        XCTAssertEqual(try QueryParser.parse("\"reach 100 searches\""), .text("reach 100 searches", phrase: true))
        XCTAssertEqual(try QueryParser.parse("a OR b c"),
                       .or(.text("a", phrase: false), .and(.text("b", phrase: false), .text("c", phrase: false))))
        XCTAssertEqual(try QueryParser.parse("(a OR b) AND NOT c"),
                       .and(.or(.text("a", phrase: false), .text("b", phrase: false)), .not(.text("c", phrase: false))))
        XCTAssertEqual(try QueryParser.parse("-newsletter vendor:\"Clearview AI\""),
                       .and(.not(.text("newsletter", phrase: false)), .field(.vendor, "Clearview AI")))
        XCTAssertEqual(try QueryParser.parse("FROM:gmail.com"), .field(.from, "gmail.com"))
        XCTAssertEqual(try QueryParser.parse("date:2019"), .dateRange(DateRange(first: "2019", last: "2019")))
        XCTAssertEqual(try QueryParser.parse("10:32 e-mail"),
                       .and(.text("10:32", phrase: false), .text("e-mail", phrase: false)), "an unknown field is a word")
    }

    /// Every field of the table parses from its own example, and help shows it.
    func testEveryFieldReadsItsExampleAndIsDocumented() throws {
        for field in QueryField.all {
            let node = try QueryParser.parse(field.example)
            if case .dateRange = field.meaning {
                guard case .dateRange = node else { return XCTFail("\(field.example) gave \(node)") }
            } else {
                guard case .field(field, _) = node else { return XCTFail("\(field.example) gave \(node)") }
            }
            XCTAssertTrue(QueryField.help.contains("\(field.name):"), field.name)
            XCTAssertTrue(QueryField.help.contains(field.example), field.name)
        }
    }

    func testMalformedQueriesSayWhatIsWrong() {
        let cases: [(String, String)] = [
            ("\"unclosed phrase", "unbalanced quote"),
            ("(a OR b", "'(' is not closed"),
            ("a)", "no matching '('"),
            ("from:", "from: needs a value"),
            ("a AND", "ends where a word was expected"),
            ("OR a", "AND and OR go between"),
            ("kind:memo", "kind: is email or document"),
            ("release:x", "release: takes a number, as in release:2"), ("release:0", "release: takes a number"),
            ("ocr:maybe", "ocr: is yes or no"),
            ("()", "empty parentheses"),
            (String(repeating: "word ", count: 2000), "too long"),
            // Found by fuzzing (make fuzz): a mark combining with a digit, another script's digits.
            ("date:2009..2009-1-02\u{619}", "is not a date range"),
            ("date:\u{662}\u{660}\u{661}\u{669}", "is not a date range"),
        ]
        for (query, message) in cases {
            XCTAssertThrowsError(try QueryParser.parse(query), query) { error in
                XCTAssertTrue("\(error)".contains(message), "\(query.prefix(40)): \(error)")
            }
        }
    }

    func testDateRanges() throws {
        XCTAssertEqual(try DateRange("2018-10..2019-02"), DateRange(first: "201810", last: "201902"))
        XCTAssertEqual(try DateRange("2019"), DateRange(first: "2019", last: "2019"))
        XCTAssertEqual(try DateRange("..2019-02-28"), DateRange(first: nil, last: "20190228"))
        XCTAssertEqual(try DateRange("2018-1-5.."), DateRange(first: "20180105", last: nil))
        for bad in ["2019-13", "2019-02-30", "2020..2019", "..", "yesterday", "2019/02", "2019-", "2019-1-", "20190",
                    "2019-123", "2019-1-123", "2019-01-01-01", "-2019", "2019-0", "0019"] {
            XCTAssertThrowsError(try DateRange(bad), bad)
        }
    }
}
