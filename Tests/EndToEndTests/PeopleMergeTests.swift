import Foundation
import TestSupport
import XCTest

/// One person, one entry: an officer written as "Reyes, Michael" with his work address, as
/// "Det. Michael Reyes", and from a Gmail account signed with his name is one person, with
/// the evidence; another Michael stays another person.
final class PeopleMergeTests: XCTestCase {
    var folder: URL!
    var index: String!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("people-\(UUID())")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        index = CorpusBinary.temporaryIndex()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(atPath: index)
    }

    func write(_ name: String, from: String, to: String, day: Int, body: String) throws {
        let text = "From: \(from)\r\nTo: \(to)\r\nDate: Mon, \(day) Mar 2019 10:00:00 -0500\r\nSubject: Pilot \(day)\r\nMessage-ID: <\(name)@test.example>\r\n\r\n\(body)\r\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent(name + ".eml"))
    }

    func testOnePersonOnEvidenceAndNeverOnAFirstName() throws {
        let vendor = "Jessica Moore <jessica.moore@clearview.ai>"
        try write("work", from: "\"Reyes, Michael\" <michael.reyes@nypd.org>", to: vendor, day: 4, body: "Can we get more trial searches?")
        try write("title", from: vendor, to: "Det. Michael Reyes, Michael Chen <mchen@nypd.org>", day: 5, body: "Yes, both of you.")
        try write("gmail", from: "mreyes.nyc@gmail.com", to: vendor, day: 6,
                  body: "Writing from my personal account.\n\nMichael Reyes\nNYPD Detective Squad")
        try write("other", from: "mike.r.photos@gmail.com", to: vendor, day: 7, body: "Love the app!\n\nMichael")
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", index, folder.path]).status, 0)
        let listed = try CorpusBinary.run(["people", "--index", index, "--json"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let people = try XCTUnwrap((listed.json as? [String: Any])?["people"] as? [[String: Any]], listed.stdout)
        let holding = { (address: String) in people.filter { ($0["addresses"] as? [String])?.contains(address) == true } }

        let reyes = try XCTUnwrap(holding("michael.reyes@nypd.org").first)
        XCTAssertEqual(Set(reyes["addresses"] as? [String] ?? []), ["michael.reyes@nypd.org", "mreyes.nyc@gmail.com"])
        // (A "Last, First" name is written first name first, as everywhere in corpus.)
        XCTAssertEqual(Set(reyes["names"] as? [String] ?? []), ["Michael Reyes", "Det. Michael Reyes"])
        XCTAssertEqual(reyes["messages"] as? Int, 3)
        XCTAssertEqual(reyes["personal_account"] as? Bool, true)
        let because = reyes["merged_because"] as? [String] ?? []
        XCTAssertTrue(because.contains { $0.hasPrefix("the same name: ") && $0.contains("\"Det. Michael Reyes\"") && $0.contains("\"Michael Reyes\"") },
                      "\(because)")
        XCTAssertTrue(because.contains { $0.hasPrefix("signed \"Michael Reyes\" in a message from mreyes.nyc@gmail.com") }, "\(because)")

        // Another Michael, and an account signed with a first name alone, are their own.
        XCTAssertEqual(holding("mchen@nypd.org").count, 1)
        XCTAssertFalse((holding("mchen@nypd.org").first?["addresses"] as? [String] ?? []).contains("michael.reyes@nypd.org"))
        XCTAssertEqual((holding("mike.r.photos@gmail.com").first?["addresses"] as? [String]), ["mike.r.photos@gmail.com"])
    }
}
