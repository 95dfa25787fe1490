import Foundation
import TestSupport
import XCTest

/// `corpus requests` and `request:` on the sample: a page of a release that prints the FOIL
/// number (in its running header, as poppler's own text of the page shows) puts each email
/// on it under that request.
final class RequestsTests: XCTestCase {
    var index: String { _ = IngestedSample.firstIngest; return IngestedSample.index }

    func testTheReleasesRequestHoldsEveryEmailOfItsPages() throws {
        let all = try CorpusBinary.run(["search", "--index", index, "", "--json", "--limit", "1000"])
        let hits = try XCTUnwrap((all.json as? [String: Any])?["hits"] as? [[String: Any]], all.stdout)
        var printsNumber: [String: Bool] = [:] // "path#page" → whether the page's text holds the number
        func pagePrintsNumber(_ path: String, _ page: Int) throws -> Bool {
            if let known = printsNumber["\(path)#\(page)"] { return known }
            let text = try CorpusBinary.run(["-q", "-f", "\(page)", "-l", "\(page)", path, "-"], executable: "/usr/bin/pdftotext").stdout
            printsNumber["\(path)#\(page)"] = text.contains("2020-PL-00417")
            return text.contains("2020-PL-00417")
        }
        let released = try hits.filter { hit in
            guard let source = hit["source"] as? [String: Any], let path = source["path"] as? String, path.hasSuffix(".pdf"),
                  let pages = source["pages"] as? [Int] else { return false }
            return try (pages[0]...pages[1]).contains { try pagePrintsNumber(path, $0) }
        }
        XCTAssertGreaterThan(released.count, 10)
        let found = try CorpusBinary.run(["search", "--index", index, "request:2020-PL-00417", "--json", "--limit", "1000"])
        let ids = Set(((found.json as? [String: Any])?["hits"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        XCTAssertTrue(Set(released.compactMap { $0["id"] as? String }).isSubset(of: ids), "every email of the release's pages")

        let listed = try CorpusBinary.run(["requests", "--index", index, "--json"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let requests = try XCTUnwrap((listed.json as? [String: Any])?["requests"] as? [[String: Any]], listed.stdout)
        let nypd = try XCTUnwrap(requests.first { $0["request"] as? String == "2020-PL-00417" }, "\(requests)")
        XCTAssertEqual(nypd["records"] as? Int, ids.count)
        XCTAssertEqual(Set(nypd["ids"] as? [String] ?? []), ids)
        let dates = hits.filter { ids.contains($0["id"] as? String ?? "") }.compactMap { $0["date"] as? String }
        XCTAssertEqual(nypd["first"] as? String, dates.min { $0.prefix(19) < $1.prefix(19) })
        XCTAssertEqual(nypd["last"] as? String, dates.max { $0.prefix(19) < $1.prefix(19) })
        XCTAssertEqual((nypd["agencies"] as? [String])?.first, "NYPD")
    }
}
