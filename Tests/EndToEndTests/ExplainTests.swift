import Foundation
import TestSupport
import XCTest

/// `corpus explain` says how a printed release is split, and why, as ingest splits it.
final class ExplainTests: XCTestCase {
    func testExplainsEachHeaderBlockOfAPrintedRelease() throws {
        let file = "releases/NYPD_FOIL_2020-PL-00417_Part1.pdf"
        let result = try CorpusBinary.run(["explain", Sample.path(file), "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(result.json as? [String: Any])
        let blocks = try XCTUnwrap(json["blocks"] as? [[String: Any]])
        let expected = Sample.truth.emails.filter { $0.source.path == file }.count
        XCTAssertEqual(json["emails"] as? Int, expected, "as many emails as the truth has in the file")
        XCTAssertEqual(blocks.filter { $0["starts_email"] as? Bool == true }.count, expected)
        let quoted = blocks.filter { $0["starts_email"] as? Bool == false }
        XCTAssertFalse(quoted.isEmpty, "the release quotes earlier emails")
        for block in blocks {
            XCTAssertFalse((block["reason"] as? String ?? "").isEmpty, "every decision says why")
            XCTAssertNotNil(block["page"] as? Int)
        }
        XCTAssertTrue(quoted.contains { ($0["reason"] as? String ?? "").contains("Original Message") },
                      "a copy under an Original Message line is called quoted for that reason")

        let lines = try CorpusBinary.run(["explain", Sample.path(file), "--lines"])
        XCTAssertFalse(lines.stdout.contains("NYPD_0000"), "Bates numbers are furniture, not read")
    }

    func testAFileThatCannotBeSplitGetsAReason() throws {
        let missing = try CorpusBinary.run(["explain", "/nonexistent/release.pdf"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no such file"), missing.stderr)
        let mbox = try CorpusBinary.run(["explain", Sample.path("email/vendor_outreach.mbox")])
        XCTAssertEqual(mbox.status, 1)
        XCTAssertTrue(mbox.stderr.contains("email file"), mbox.stderr)
    }
}
