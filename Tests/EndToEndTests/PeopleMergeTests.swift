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

    func found(_ query: String) throws -> Set<String> {
        let result = try CorpusBinary.run(["search", "--index", index, query, "--json"])
        let hits = (result.json as? [String: Any])?["hits"] as? [[String: Any]] ?? []
        return Set(hits.compactMap { ($0["source"] as? [String: Any])?["path"] as? String }.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension })
    }

    /// A sender's own word: an officer introducing himself from his Gmail, another listing both
    /// accounts under a first name, a third giving his work address. Each account is its person's;
    /// a name in a quoted message ties nothing to the one quoting it.
    func testASendersOwnWordOnTheirAccounts() throws {
        let vendor = "Jessica Moore <jessica.moore@clearview.ai>"
        try write("work", from: "Kevin Walsh <kevin.walsh@nypd.org>", to: vendor, day: 4, body: "Please renew the unit's trial.")
        try write("intro", from: "kwalsh.det@gmail.com", to: vendor, day: 5,
                  body: "Hi Jessica,\nThis is Kevin Walsh, writing from my personal account. Can you add it to the trial?")
        try write("both", from: "tony.d@gmail.com", to: vendor, day: 6,
                  body: "Running the photos now.\n\nTony\nanthony.diaz@nypd.org | tony.d@gmail.com")
        try write("given", from: "sam.k.nyc@yahoo.com", to: vendor, day: 7,
                  body: "My work email is samuel.kim@nypd.org if you need it.")
        try write("quoting", from: "p.ruiz@gmail.com", to: vendor, day: 8,
                  body: "Me too.\n\nOn Mon, Mar 4, 2019 at 10:00 AM Kevin Walsh <kwalsh.det@gmail.com> wrote:\n> This is Kevin Walsh, writing from my personal account.")
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", index, folder.path]).status, 0)
        let listed = try CorpusBinary.run(["people", "--index", index, "--json"])
        let people = try XCTUnwrap((listed.json as? [String: Any])?["people"] as? [[String: Any]], listed.stdout)
        func person(holding address: String) -> [String: Any]? { people.first { ($0["addresses"] as? [String])?.contains(address) == true } }

        let walsh = try XCTUnwrap(person(holding: "kevin.walsh@nypd.org"))
        XCTAssertEqual(Set(walsh["addresses"] as? [String] ?? []), ["kevin.walsh@nypd.org", "kwalsh.det@gmail.com"])
        XCTAssertTrue((walsh["merged_because"] as? [String] ?? []).contains { $0.hasPrefix("introduced as \"Kevin Walsh\" in a message from kwalsh.det@gmail.com") })
        XCTAssertEqual(Set(person(holding: "tony.d@gmail.com")?["addresses"] as? [String] ?? []), ["tony.d@gmail.com", "anthony.diaz@nypd.org"])
        XCTAssertEqual(Set(person(holding: "sam.k.nyc@yahoo.com")?["addresses"] as? [String] ?? []), ["sam.k.nyc@yahoo.com", "samuel.kim@nypd.org"])
        XCTAssertEqual(person(holding: "p.ruiz@gmail.com")?["addresses"] as? [String], ["p.ruiz@gmail.com"])
        XCTAssertEqual(try found(#"from:"Kevin Walsh""#), ["work", "intro"])
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
        XCTAssertEqual(try found(#"from:"Michael Reyes""#), ["work", "gmail"])
        XCTAssertEqual(try found(#"to:"Michael Reyes""#), ["title"])
        XCTAssertFalse((holding("mchen@nypd.org").first?["addresses"] as? [String] ?? []).contains("michael.reyes@nypd.org"))
        XCTAssertEqual((holding("mike.r.photos@gmail.com").first?["addresses"] as? [String]), ["mike.r.photos@gmail.com"])
    }
}
