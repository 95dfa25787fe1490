import Foundation
import TestSupport
import XCTest

/// `corpus batch` on the sample with a request letter's vendor list: each line's figures
/// must be what `corpus search` gives for that query alone.
final class BatchTests: XCTestCase {
    var folder: URL!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID())")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    var index: String { _ = IngestedSample.firstIngest; return IngestedSample.index }

    /// The vendors of a FOIL request, as its letter names them, and two queries of the
    /// reporter's own.
    let queries = ["Kairos", "Amazon Rekognition", "Cognitec", "Clearview AI", "DataWorks Plus", "NEC", "Idemia", "Face++",
                   "Vigilant Solutions", "BriefCam", #"vendor:"Clearview AI" from:gmail.com"#, "agency:NYPD date:2019"]

    func search(_ query: String, _ extra: [String]) throws -> [String: Any] {
        let result = try CorpusBinary.run(["search", "--index", index, query, "--json"] + extra)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(result.json as? [String: Any], result.stdout)
    }

    func testEachLineGivesWhatItsOwnSearchGives() throws {
        let list = folder.appendingPathComponent("vendors.txt")
        let text = "# Vendors named in FOIL-2020-056-00417\n" + queries.prefix(6).joined(separator: "\n") + "\n\n\"an unclosed phrase\n"
            + queries.dropFirst(6).joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: list)
        let batch = try CorpusBinary.run(["batch", "--index", index, list.path, "--json"])
        XCTAssertEqual(batch.status, 2, "a bad line: \(batch.stderr)")
        XCTAssertTrue(batch.stderr.contains("\(list.path):9: unbalanced quote"), batch.stderr)
        let results = try XCTUnwrap((batch.json as? [String: Any])?["queries"] as? [[String: Any]], batch.stdout)
        XCTAssertEqual(results.map { $0["query"] as? String }, queries.prefix(6).map { $0 } + ["\"an unclosed phrase"] + queries.dropFirst(6))
        XCTAssertEqual(results.map { $0["line"] as? Int }, [2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15])
        for result in results {
            let query = try XCTUnwrap(result["query"] as? String)
            if query.hasPrefix("\"an") {
                XCTAssertNotNil(result["error"] as? String)
                continue
            }
            let alone = try search(query, ["--limit", "1000", "--sort", "date"])
            XCTAssertEqual(result["total"] as? Int, alone["total"] as? Int, query)
            let facets = try XCTUnwrap(alone["facets"] as? [String: [[String: Any]]])
            for (field, facet) in [("agencies", "agency"), ("from", "from")] {
                let expected = (facets[facet] ?? []).prefix(5).map { "\($0["value"] ?? "") \($0["count"] ?? "")" }
                let got = (result[field] as? [[String: Any]] ?? []).map { "\($0["value"] ?? "") \($0["count"] ?? "")" }
                XCTAssertEqual(got, Array(expected), "\(query) \(field)")
            }
            // First and last: the earliest and latest of the dated hits, by the same order.
            let dates = (alone["hits"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
            XCTAssertEqual(result["first"] as? String, dates.first, query)
            XCTAssertEqual(result["last"] as? String, dates.last, query)
        }
        XCTAssertGreaterThan(results.compactMap { $0["total"] as? Int }.reduce(0, +), 0, "the sample names some of them")
    }

    /// A spreadsheet's first column, its header row skipped; the same figures as CSV.
    func testASpreadsheetsFirstColumnAndCSVOutput() throws {
        let sheet = folder.appendingPathComponent("vendors.csv")
        try Data("Vendor,Why\r\n\"Clearview AI\",named in the request\r\nCognitec,\"a benchmark, 2019\"\r\n".utf8).write(to: sheet)
        let batch = try CorpusBinary.run(["batch", "--index", index, sheet.path, "--csv"])
        XCTAssertEqual(batch.status, 0, batch.stderr)
        let rows = batch.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(rows.first, "line,query,total,first,last,agencies,from")
        XCTAssertEqual(rows.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }, ["2,Clearview AI", "3,Cognitec"])
        let clearview = try search("Clearview AI", ["--limit", "0"])
        XCTAssertEqual(rows[1].split(separator: ",")[2], "\(clearview["total"] as? Int ?? -1)")
    }
}
