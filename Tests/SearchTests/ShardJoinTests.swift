import Foundation
import Ingest
@testable import Search
import XCTest

/// Records spread over shards, each shard an ingest of its own, then joined
/// (`ShardJoin`): read through a stub, the same answers as one index of them all —
/// copies of one message in three shards one message, a thread and a quote whole
/// across shards — however the records are spread; a second join changes nothing.
final class ShardJoinTests: XCTestCase {
    var root: URL!

    override func setUp() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("shard-join-\(UUID())")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: root)
    }

    func email(_ id: String, file: String, from: Correspondent, date: String, subject: String, text: String = "The trial accounts are ready.",
               ocr: Bool = false, messageID: String? = nil, inReplyTo: String? = nil, quoting quoted: [QuotedCopy] = []) -> Record {
        var record = Record(id: id, kind: .email, subject: subject, from: from,
                            to: [Correspondent(name: "Clearview Sales", address: "sales@clearview.ai")], date: RecordDate(iso: date),
                            vendors: ["Clearview AI"], source: Source(path: "/release/\(file)", sha256: file, pages: messageID == nil ? 1...1 : nil),
                            text: text, messageID: messageID, inReplyTo: inReplyTo)
        record.ocr = ocr
        record.quoted = quoted
        return record
    }

    /// One message released three times (a scan, a print, its mail), another a minute later
    /// in the print's file; a printed reply quoting a printed email; mail quoting mail whole,
    /// and a reply that quotes nothing.
    lazy var records: [Record] = {
        let ramos = Correspondent(name: "Owen Ramos", address: "oramos@nypd.org")
        let ortiz = Correspondent(name: "Lena Ortiz", address: nil)
        return [
            email("scan", file: "scan.pdf", from: Correspondent(name: "Owen Ramos", address: nil), date: "2019-03-05T09:12:00",
                  subject: "RE: Trial accounts", ocr: true),
            email("print", file: "print.pdf", from: Correspondent(name: "Ramos, Owen", address: "oramos@nypd.org"), date: "2019-03-05T09:12:00",
                  subject: "RE: Trial accounts"),
            email("mail", file: "a.eml", from: ramos, date: "2019-03-05T09:12:41-05:00", subject: "Re: Trial accounts", messageID: "<a1@nypd.org>"),
            email("other", file: "print.pdf", from: ramos, date: "2019-03-05T09:13:00", subject: "RE: Trial accounts"),
            email("p1", file: "p1.pdf", from: Correspondent(name: "Owen Ramos", address: nil), date: "2019-04-02T09:12:00", subject: "Probe images"),
            email("p2", file: "p2.pdf", from: ortiz, date: "2019-04-02T13:02:00", subject: "RE: Probe images",
                  quoting: [QuotedCopy(from: Correspondent(name: "Ramos, Owen", address: nil), date: RecordDate(iso: "2019-04-02T09:12:00-04:00"),
                                       subject: "Probe images")]),
            email("m1", file: "m1.eml", from: ramos, date: "2019-05-01T10:00:00-04:00", subject: "Retention",
                  text: "The accounts are ready for\nthe trial on Tuesday.\nOwen", messageID: "<m1@nypd.org>"),
            email("m2", file: "m2.eml", from: ortiz, date: "2019-05-01T11:00:00-04:00", subject: "Re: Retention",
                  text: "Thanks.\n\nOn Tue Owen wrote:\n> The accounts are ready for the trial\n> on Tuesday.\n> Owen",
                  messageID: "<m2@nypd.org>", inReplyTo: "<m1@nypd.org>"),
            email("m3", file: "m3.eml", from: ortiz, date: "2019-05-01T12:00:00-04:00", subject: "Re: Retention", text: "Thanks, got it.",
                  messageID: "<m3@nypd.org>", inReplyTo: "<m1@nypd.org>"),
        ]
    }()

    /// What a reporter reads of an index: every record in date order with its thread,
    /// copies and inclusiveness, the facets, and each record as `show` has it.
    func answers(_ index: SearchIndex) throws -> [String] {
        let all = try index.search(SearchRequest(query: "", limit: 100, sort: .date))
        let hits = all.hits.map { "\($0.id) thread \($0.thread ?? "-") duplicates \($0.duplicates) inclusive \($0.inclusive)" }
        let facets = all.facets.keys.sorted().map { "\($0): \(all.facets[$0]!.map { "\($0.value)=\($0.count)" })" }
        let shown = try records.map { record in
            let stored = try index.record(id: record.id)
            return "\(stored.id) copy of \(stored.copyOf ?? "-") also in \(stored.otherSources.map(\.path).sorted()) quoted in \(stored.quotedIn)"
        }
        let conversations = try ["p2", "m3", "mail"].map { try index.conversation(of: $0).messages.map { $0.id ?? "ghost" }.sorted().description }
        return ["total \(all.total)"] + hits + facets + shown + conversations
    }

    func testShardsJoinedAnswerAsOneIndex() throws {
        let single = root.appendingPathComponent("single").path
        try ingest([records], into: single)
        let expected = try answers(try SearchIndex(path: single))
        // (What there is to join: three copies one message, a printed and a mail quote whole.)
        XCTAssertTrue(expected.contains("total 7"), expected.description)
        XCTAssertTrue(expected.contains { $0.hasPrefix("mail thread") && $0.hasSuffix("duplicates 2 inclusive true") }, expected.description)
        XCTAssertTrue(expected.contains(#"p1 copy of - also in [] quoted in ["p2"]"#), expected.description)
        XCTAssertTrue(expected.contains(#"m1 copy of - also in [] quoted in ["m2"]"#), expected.description)

        let spreads = [[["scan", "p2", "m2"], ["print", "other", "p1"], ["mail", "m1", "m3"]],
                       [["mail", "p1", "m3"], ["scan", "p2"], ["print", "other", "m1", "m2"]],
                       [["p2", "m2", "m3"], ["scan"], ["m1", "print", "p1"], ["other", "mail"]]]
        for (n, spread) in spreads.enumerated() {
            let folder = root.appendingPathComponent("spread\(n)")
            var stub = ""
            for (k, ids) in spread.enumerated() {
                try ingest([records.filter { ids.contains($0.id) }], into: folder.appendingPathComponent("shard\(k)").path)
                stub += "auto shard\(k)\n"
            }
            try Data(stub.utf8).write(to: folder.appendingPathComponent("XAPIANDB"))
            // (Apart, each shard joins only its own: the copies in three shards are three messages.)
            XCTAssertNotEqual(try answers(try SearchIndex(path: folder.path)), expected, "\(spread) before the join")

            let report = try ShardJoin.run(index: folder.path)
            XCTAssertEqual(report.shards, spread.count)
            XCTAssertGreaterThan(report.copies, 0, "\(spread)")
            XCTAssertEqual(try answers(try SearchIndex(path: folder.path)), expected, "\(spread)")
            XCTAssertTrue(try ShardJoin.run(index: folder.path).changedNothing, "\(spread) joined again")
        }
    }

    /// A shard ingests more after a join: a copy of the message whose best copy stands in
    /// another shard (the shard's writer knows only its own copy, itself a copy of that
    /// one), and a reply to a message of the other shard; the next join makes them one.
    func testAnIngestAfterTheJoinAndTheNextJoin() throws {
        let again = email("again", file: "again.pdf", from: Correspondent(name: nil, address: "oramos@nypd.org"), date: "2019-03-05T09:12:00",
                          subject: "RE: Trial accounts")
        let single = root.appendingPathComponent("single").path
        try ingest([records + [again]], into: single)
        let expected = try answers(try SearchIndex(path: single))
        XCTAssertTrue(expected.contains { $0.hasPrefix("mail copy of - also in") && $0.contains("/release/again.pdf") }, expected.description)
        let folder = root.appendingPathComponent("stub")
        try ingest([records.filter { ["mail", "p1", "m1"].contains($0.id) }], into: folder.appendingPathComponent("a").path)
        try ingest([records.filter { ["print", "other", "m2", "m3"].contains($0.id) }], into: folder.appendingPathComponent("b").path)
        try Data("auto a\nauto b\n".utf8).write(to: folder.appendingPathComponent("XAPIANDB"))
        _ = try ShardJoin.run(index: folder.path)
        let writer = try IndexWriter(path: folder.appendingPathComponent("b").path)
        try writer.add(records.filter { ["scan", "p2"].contains($0.id) } + [again])
        try writer.commit()
        try writer.close()
        XCTAssertNotEqual(try answers(try SearchIndex(path: folder.path)), expected)
        XCTAssertFalse(try ShardJoin.run(index: folder.path).changedNothing)
        XCTAssertEqual(try answers(try SearchIndex(path: folder.path)), expected)
    }

    func testAnIndexFolderOrARemoteShardIsNotJoined() throws {
        let folder = root.appendingPathComponent("one").path
        try ingest([records], into: folder)
        XCTAssertThrowsError(try ShardJoin.run(index: folder)) { error in
            XCTAssertTrue("\(error)".contains("not a list of shards"), "\(error)")
        }
        let stub = root.appendingPathComponent("remote.stub")
        try Data("auto one\nremote 127.0.0.1:1\n".utf8).write(to: stub)
        XCTAssertThrowsError(try ShardJoin.run(index: stub.path)) { error in
            XCTAssertTrue("\(error)".contains("127.0.0.1:1"), "\(error)")
        }
    }
}
