import Foundation
import Ingest
@testable import Search
import XCTest

/// date: ranges of whole years, months or days run on date terms, others on the date
/// value; either way a range holds exactly the records dated inside it.
final class DateQueryTests: XCTestCase {
    var path: String!

    override func setUpWithError() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("dates-\(UUID())").path
        let writer = try IndexWriter(path: path)
        try writer.add(dates.enumerated().map { n, date in
            Record(id: "d\(n)", kind: .email, subject: "s", from: nil, date: RecordDate(iso: date), agencies: [], vendors: [],
                   source: Source(path: "/tmp/d\(n).eml", sha256: "d\(n)"), text: "dated")
        })
        try writer.commit()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Every 5th day from 2016-12-30 to 2020-01-03, at 23:30 (the last half hour of a day).
    let dates: [String] = (0..<222).map { i in
        let day = Date(timeIntervalSince1970: 1_483_056_000 + Double(i) * 5 * 86_400 + 84_600)
        return ISO8601DateFormatter.string(from: day, timeZone: TimeZone(identifier: "UTC")!,
                                           formatOptions: [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate])
    }

    func expected(_ low: String, _ high: String) -> Int {
        dates.filter { String($0.prefix(low.count)) >= low && String($0.prefix(high.count)) <= high }.count
    }

    func testRangesCountExactlyTheRecordsInside() throws {
        let index = try SearchIndex(path: path)
        let cases: [(String, String, String)] = [
            ("2019", "2019", "2019"), ("2017..2018", "2017", "2018"), ("2018-02", "2018-02", "2018-02"),
            ("2018-01..2018-06", "2018-01", "2018-06"), ("2017-11..2018", "2017-11", "2018"),
            ("2018-02-01..2018-03-01", "2018-02-01", "2018-03-01"), ("2016-12-30", "2016-12-30", "2016-12-30"),
            ("2017-01-01..2019-12-31", "2017-01-01", "2019-12-31"), // more days than terms allow: the value range
        ]
        for (query, low, high) in cases {
            XCTAssertEqual(try index.search(SearchRequest(query: "date:\(query)", limit: 0)).total, expected(low, high), query)
        }
        XCTAssertEqual(try index.search(SearchRequest(query: "date:..2017-06", limit: 0)).total, expected("0000", "2017-06"))
        XCTAssertEqual(try index.search(SearchRequest(query: "date:2019-07..", limit: 0)).total, expected("2019-07", "9999"))
    }

    func testWholePeriodsBecomeTermsAndLongOrOpenRangesDoNot() throws {
        func compiled(_ range: String) throws -> String? {
            try QueryCompiler.periodTerms(try DateRange(range)).map { try $0.describe() }
        }
        XCTAssertEqual(try compiled("2019"), "Query(0 * Y2019)")
        XCTAssertTrue(try compiled("2018-11..2019-02")!.contains("M201812"))
        XCTAssertTrue(try compiled("2016-02-28..2016-03-01")!.contains("D20160229"), "a leap day")
        XCTAssertNil(try compiled("2017-01-01..2019-12-31"))
        XCTAssertNil(try compiled("2019.."))
    }
}
