import Foundation
import TestSupport
import XCTest

/// Rolling releases: each ingest is a numbered release, `release:N` finds what it added, and
/// each ingest reports the new matches of every saved search — exactly the matches the
/// search has after it and had not before.
final class ReleaseTests: XCTestCase {
    var folder: URL!
    var index: String!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("release-\(UUID())")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        index = CorpusBinary.temporaryIndex()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(atPath: index)
    }

    /// The ids a query finds now.
    func ids(_ query: String) throws -> Set<String> {
        let found = try CorpusBinary.run(["search", "--index", index, query, "--json", "--limit", "1000"])
        XCTAssertEqual(found.status, 0, found.stderr)
        return Set(((found.json as? [String: Any])?["hits"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
    }

    func ingest(_ path: String) throws -> [String: Any] {
        let result = try CorpusBinary.run(["ingest", "--index", index, path, "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(result.json as? [String: Any], result.stdout)
    }

    func testTwoReleasesAndTheNewMatchesOfTwoSavedSearches() throws {
        let first = folder.appendingPathComponent("first"), second = folder.appendingPathComponent("second")
        for (release, files) in [(first, ["releases/NYPD_FOIL_2020-PL-00417_Part1.pdf", "email/2018-10-25_dataworks_training.eml"]),
                                 (second, ["releases/NYPD_FOIL_2020-PL-00417_Part2_personal_accounts.pdf", "email/vendor_outreach.mbox",
                                           "email/2019-09-30_personal_email_account.eml"])] {
            try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
            for file in files { try FileManager.default.copyItem(atPath: Sample.path(file), toPath: release.appendingPathComponent((file as NSString).lastPathComponent).path) }
        }
        // The same message again, under another name, in the second release: not new.
        try FileManager.default.copyItem(atPath: Sample.path("email/2018-10-25_dataworks_training.eml"), toPath: second.appendingPathComponent("again.eml").path)
        let watches = [("clearview", #"vendor:"Clearview AI""#), ("personal", "from:gmail.com OR from:yahoo.com")]
        for (name, query) in watches {
            XCTAssertEqual(try CorpusBinary.run(["watch", "add", "--index", index, name, query]).status, 0)
        }
        let listed = try CorpusBinary.run(["watch", "list", "--index", index, "--json"])
        XCTAssertEqual(((listed.json as? [String: Any])?["watches"] as? [[String: String]])?.map { $0["name"] ?? "" }, watches.map(\.0))

        let one = try ingest(first.path)
        XCTAssertEqual(one["release"] as? Int, 1)
        let afterOne = try watches.map { try ids($0.1) }
        XCTAssertEqual(try ids("release:1"), try ids(""), "the first release holds everything")
        let reportedOne = try XCTUnwrap(one["watches"] as? [[String: Any]])
        for (k, watch) in reportedOne.enumerated() {
            XCTAssertEqual(Set(watch["ids"] as? [String] ?? []), afterOne[k], "\(watch["name"] ?? "")")
        }

        let everythingBefore = try ids("")
        let two = try ingest(second.path)
        XCTAssertEqual(two["release"] as? Int, 2)
        XCTAssertEqual(try ids("release:2"), try ids("").subtracting(everythingBefore))
        let reportedTwo = try XCTUnwrap(two["watches"] as? [[String: Any]])
        XCTAssertEqual(reportedTwo.map { $0["name"] as? String }, watches.map(\.0))
        for (k, watch) in reportedTwo.enumerated() {
            let now = try ids(watches[k].1)
            XCTAssertEqual(Set(watch["ids"] as? [String] ?? []), now.subtracting(afterOne[k]), watches[k].0)
            XCTAssertEqual(watch["new"] as? Int, now.subtracting(afterOne[k]).count)
        }
        XCTAssertGreaterThan(reportedTwo.compactMap { $0["new"] as? Int }.reduce(0, +), 0, "the second release matches them")
        // A facet of releases, each counted as release:N counts it.
        let all = try CorpusBinary.run(["search", "--index", index, "", "--json", "--limit", "0"])
        let facet = try XCTUnwrap(((all.json as? [String: Any])?["facets"] as? [String: Any])?["release"] as? [[String: Any]], all.stdout)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: facet.map { ($0["value"] as? String ?? "", $0["count"] as? Int ?? -1) }),
                       ["1": try ids("release:1").count, "2": try ids("release:2").count])

        // Nothing new: a release with no new matches. A search forgotten is not reported.
        XCTAssertEqual(try CorpusBinary.run(["watch", "remove", "--index", index, "personal"]).status, 0)
        let three = try ingest(second.path)
        XCTAssertEqual(three["release"] as? Int, 3)
        XCTAssertEqual((three["watches"] as? [[String: Any]])?.map { "\($0["name"] ?? "") \($0["new"] ?? "")" }, ["clearview 0"])
        XCTAssertEqual(try CorpusBinary.run(["watch", "remove", "--index", index, "personal"]).status, 1, "no such search any more")
    }
}
