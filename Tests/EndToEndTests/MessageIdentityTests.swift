import Foundation
import TestSupport
import XCTest

/// A record id never joins two messages, and never loses one: mailers and test suites
/// reuse Message-IDs; agencies release the same message twice; an email carries its own
/// headers as an attachment. The ingest summary counts what the index gained.
final class MessageIdentityTests: XCTestCase {
    var folder: URL!
    var index: String!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("identity-\(UUID())")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        index = CorpusBinary.temporaryIndex()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(atPath: index)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: folder.appendingPathComponent(name))
    }

    func message(id: String, from: String, body: String, extraHeader: String = "") -> String {
        """
        \(extraHeader)Message-ID: <\(id)>
        From: \(from)
        To: desk@nypd.org
        Subject: Trial accounts
        Date: Tue, 4 Dec 2018 10:32:00 -0500

        \(body)

        """
    }

    func records() throws -> [[String: Any]] {
        let result = try CorpusBinary.run(["search", "--index", index, "", "--json", "--limit", "100"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return (result.json as? [String: Any])?["hits"] as? [[String: Any]] ?? []
    }

    func testOneMessageIdTwoMessagesAndOneMessageTwoFiles() throws {
        try write("a.eml", message(id: "15090.61304@aaa.zzz.org", from: "Anne <anne@nypd.org>", body: "The accounts are ready."))
        try write("b.eml", message(id: "15090.61304@aaa.zzz.org", from: "Bob <bob@nypd.org>", body: "A different message under the same id."))
        // The same message as a.eml, delivered again with other transport headers.
        try write("a-again.eml", message(id: "15090.61304@aaa.zzz.org", from: "Anne <anne@nypd.org>", body: "The accounts are ready.",
                                         extraHeader: "Received: from relay.nypd.org by mail.nypd.org\n"))
        let result = try CorpusBinary.run(["ingest", "--index", index, folder.path, "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let summary = try XCTUnwrap(result.json as? [String: Any])
        XCTAssertEqual(summary["records"] as? Int, 2, "what the index gained")
        XCTAssertEqual(summary["same_message_elsewhere"] as? Int, 1)
        let hits = try records()
        XCTAssertEqual(hits.count, 2)
        let ids = hits.compactMap { $0["id"] as? String }
        XCTAssertEqual(Set(ids).count, 2)
        let anne = try XCTUnwrap(ids.first { id in
            (try? CorpusBinary.run(["show", "--index", index, id, "--json"]).stdout.contains("anne@nypd.org")) == true
        })
        let shown = try XCTUnwrap(try CorpusBinary.run(["show", "--index", index, anne, "--json"]).json as? [String: Any])
        let files = ([shown["source"] as Any] + (shown["other_sources"] as? [Any] ?? [])).compactMap { ($0 as? [String: Any])?["path"] as? String }
        XCTAssertEqual(Set(files.map { ($0 as NSString).lastPathComponent }), ["a.eml", "a-again.eml"])
        XCTAssertEqual(try CorpusBinary.run(["search", "--index", index, "file:a-again.eml", "--json"]).json.flatMap { ($0 as? [String: Any])?["total"] as? Int }, 1,
                       "found by either file")
    }

    /// An agency releases an email as a printed PDF, and again as its .eml: one message,
    /// which the .eml's record stands for, naming the print; counted once everywhere.
    func testAMessageReleasedAsAPrintAndAsAnEmlIsOneMessage() throws {
        try write("a.eml", message(id: "trial-1@nypd.org", from: "Anne Lopez <anne@nypd.org>", body: "The Clearview accounts are ready."))
        GeneratedPDF.write(pages: [["From: Lopez, Anne <anne@nypd.org>", "Sent: Tuesday, December 4, 2018 10:32 AM", "To: desk@nypd.org",
                                    "Subject: Trial accounts", "", "The Clearview accounts are ready."]],
                           to: folder.appendingPathComponent("release.pdf").path)
        let result = try CorpusBinary.run(["ingest", "--index", index, folder.path, "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let summary = try XCTUnwrap(result.json as? [String: Any])
        XCTAssertEqual(summary["records"] as? Int, 1, "what the index gained")
        XCTAssertEqual(summary["same_message_elsewhere"] as? Int, 1)

        let search = try XCTUnwrap(try CorpusBinary.run(["search", "--index", index, "clearview", "--json"]).json as? [String: Any])
        XCTAssertEqual(search["total"] as? Int, 1)
        let hit = try XCTUnwrap((search["hits"] as? [[String: Any]])?.first)
        XCTAssertEqual((hit["source"] as? [String: Any])?["path"].map { ($0 as! NSString).lastPathComponent }, "a.eml")
        XCTAssertEqual(hit["duplicates"] as? Int, 1)
        let senders = (search["facets"] as? [String: Any])?["from"] as? [[String: Any]]
        XCTAssertEqual(senders?.compactMap { $0["count"] as? Int }, [1])
        let people = try XCTUnwrap(try CorpusBinary.run(["people", "--index", index, "--json"]).json as? [String: Any])
        XCTAssertEqual((people["people"] as? [[String: Any]])?.first { ($0["addresses"] as? [String])?.contains("anne@nypd.org") == true }?["messages"] as? Int, 1)
        XCTAssertEqual(try CorpusBinary.run(["search", "--index", index, "file:release.pdf", "--json"]).json.flatMap { ($0 as? [String: Any])?["total"] as? Int }, 1,
                       "found by either file")
        let shown = try CorpusBinary.run(["show", "--index", index, hit["id"] as! String])
        XCTAssertTrue(shown.stdout.contains("Also in:  \(folder.appendingPathComponent("release.pdf").path) p. 1"), shown.stdout)
        // Exported once, naming both files.
        let out = folder.appendingPathComponent("export").path
        XCTAssertEqual(try CorpusBinary.run(["export", "--index", index, "--out", out, "--format", "dir"]).status, 0)
        let rows = try String(contentsOfFile: out + "/manifest.csv", encoding: .utf8).split(separator: "\r\n").dropFirst()
        XCTAssertEqual(rows.count, 1)
        XCTAssertTrue(rows.first?.hasSuffix(",\(folder.appendingPathComponent("release.pdf").path) p. 1") == true, rows.description)
    }

    /// The same message found in three files, attaching other memos: every memo is a
    /// record of the message, the one attached in two files (and twice in one, under
    /// another name) is one record found in each place, and the order the files come in
    /// changes nothing.
    func testOneMessageInFilesAttachingOtherFilesKeepsEveryAttachment() throws {
        func attaching(_ memos: [(name: String, text: String)]) -> String {
            """
            Message-ID: <memo-1@nypd.org>
            From: Anne Lopez <anne@nypd.org>
            To: desk@nypd.org
            Subject: Memos
            Date: Tue, 4 Dec 2018 10:32:00 -0500
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            The memos are attached.
            \(memos.map { "--b\nContent-Type: text/plain\nContent-Disposition: attachment; filename=\"\($0.name)\"\n\n\($0.text)\n" }.joined())--b--

            """
        }
        let clearview = (name: "clearview.txt", text: "The Clearview trial ends in January.")
        let vigilant = (name: "vigilant.txt", text: "The Vigilant contract is renewed.")
        var held: [String]?
        for order in [["a", "b", "c"], ["c", "b", "a"]] {
            try? FileManager.default.removeItem(atPath: index)
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let files = ["a": [clearview], "b": [vigilant, clearview, (name: "copy.txt", text: clearview.text)], "c": []]
            for name in order {
                try write("\(name).eml", attaching(files[name]!))
                let result = try CorpusBinary.run(["ingest", "--index", index, folder.appendingPathComponent("\(name).eml").path, "--json"])
                XCTAssertEqual(result.status, 0, result.stderr)
            }
            func found(_ query: String) throws -> [[String: Any]] {
                try XCTUnwrap((CorpusBinary.run(["search", "--index", index, query, "--json"]).json as? [String: Any])?["hits"] as? [[String: Any]], query)
            }
            let message = try XCTUnwrap(try found("attached").first, "\(order)")
            let memos = try ["clearview", "vigilant"].map { try found($0) }
            XCTAssertEqual(memos.map(\.count), [1, 1], "each memo once: \(order)")
            let memoIDs = memos.compactMap { $0.first?["id"] as? String }
            let shown = try XCTUnwrap(try CorpusBinary.run(["show", "--index", index, message["id"] as! String, "--json"]).json as? [String: Any])
            XCTAssertEqual(Set(shown["attachments"] as? [String] ?? []), Set(memoIDs), "the message lists both: \(order)")
            let shownMemos = try memoIDs.map { try XCTUnwrap(try CorpusBinary.run(["show", "--index", index, $0, "--json"]).json as? [String: Any]) }
            XCTAssertEqual(shownMemos.map { $0["parent"] as? String }, [message["id"] as? String, message["id"] as? String])
            let clearviewMemo = shownMemos[0]
            let places = ([clearviewMemo["source"] as Any] + (clearviewMemo["other_sources"] as? [Any] ?? [])).compactMap { $0 as? [String: Any] }
            XCTAssertEqual(Set(places.compactMap { ($0["path"] as? NSString)?.lastPathComponent }), ["a.eml", "b.eml"], "\(order)")
            XCTAssertEqual(Set(places.compactMap { $0["attachment"] as? String }), ["clearview.txt", "copy.txt"], "under both names: \(order)")
            if let held { XCTAssertEqual(memoIDs + [message["id"] as! String], held, "the same ids whatever the order") }
            held = memoIDs + [message["id"] as! String]
        }
    }

    func testAnAttachedCopyOfTheEmailsOwnHeadersNeverReplacesIt() throws {
        let headers = message(id: "bounce-1@mail.nypd.org", from: "Mail System <postmaster@nypd.org>", body: "")
        try write("bounce.eml", """
            Message-ID: <bounce-1@mail.nypd.org>
            From: Mail System <postmaster@nypd.org>
            To: desk@nypd.org
            Subject: Trial accounts
            Date: Tue, 4 Dec 2018 10:32:00 -0500
            MIME-Version: 1.0
            Content-Type: multipart/report; boundary="r"

            --r
            Content-Type: text/plain

            Your message could not be delivered.
            --r
            Content-Type: message/rfc822
            Content-Disposition: attachment; filename="original.eml"

            \(headers)
            --r--

            """)
        let result = try CorpusBinary.run(["ingest", "--index", index, folder.path, "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual((result.json as? [String: Any])?["records"] as? Int, 2)
        XCTAssertEqual(try records().count, 2, "the email and its attachment")
        let found = try CorpusBinary.run(["search", "--index", index, "delivered", "--json"]).json as? [String: Any]
        XCTAssertEqual(found?["total"] as? Int, 1, "the bounce itself is still there")
    }
}
