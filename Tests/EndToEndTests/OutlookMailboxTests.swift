import Foundation
import TestSupport
import XCTest

/// Outlook mailboxes (.pst) with nested folders, written in the test by bench/make_pst.py
/// (the [MS-PST] layout, from a list of messages) and read through readpst: every message
/// of every folder is a record with its folder path, as the list says.
final class OutlookMailboxTests: XCTestCase {
    var folder: URL!
    var index: String!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pst-\(UUID())")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        index = CorpusBinary.temporaryIndex()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(atPath: index)
    }

    struct Message {
        var folder: [String], subject: String, from: (String, String), to: [(String, String)], cc: [(String, String)] = []
        var date: String, body: String, attachment: (name: String, data: Data)? = nil
    }

    /// The mailbox's messages: three folders deep, non-ASCII names, an attached PDF of
    /// printed emails (its emails become records of their own).
    func messages() -> [Message] {
        let printed = folder.appendingPathComponent("printed.pdf").path
        GeneratedPDF.write(pages: [
            ["From: Ines Barros <ibarros@vendor-z.example>", "Sent: Monday, March 4, 2019 9:12 AM", "To: Records Desk <records@pd.example.gov>",
             "Subject: Pilot terms", "", "The pilot ends on Friday."],
        ], to: printed)
        defer { try? FileManager.default.removeItem(atPath: printed) }
        return [
            Message(folder: ["Inbox"], subject: "Camera pilot", from: ("Ines Barros", "ibarros@vendor-z.example"),
                    to: [("Maria Lopez", "mlopez@pd.example.gov")], date: "2019-03-04T09:12:00-05:00", body: "The pilot starts Monday."),
            Message(folder: ["Inbox", "Projects", "Cameras"], subject: "Pilot invoice", from: ("Ines Barros", "ibarros@vendor-z.example"),
                    to: [("Maria Lopez", "mlopez@pd.example.gov")], cc: [("Ana Ruiz", "aruiz@pd.example.gov")],
                    date: "2019-03-11T14:30:00-04:00", body: "The invoice and the printed thread are attached.",
                    attachment: ("printed.pdf", FileManager.default.contents(atPath: printed)!)),
            Message(folder: ["Inbox", "Projects", "Cameras"], subject: "RE: Pilot invoice", from: ("Maria Lopez", "mlopez@pd.example.gov"),
                    to: [("Ines Barros", "ibarros@vendor-z.example")], date: "2019-03-12T08:05:00-04:00", body: "Paid today."),
            Message(folder: ["Sent Items"], subject: "Reunión con el proveedor", from: ("María López", "mlopez@pd.example.gov"),
                    to: [("Jürgen Weiß", "jweiss@vendor-y.example")], date: "2019-04-02T10:00:00-04:00", body: "Nos vemos el martes."),
        ]
    }

    func writeMailbox(_ messages: [Message], to path: String) throws {
        var folders: [[String]: [[String: Any]]] = [:]
        var order: [[String]] = []
        for message in messages {
            if folders[message.folder] == nil { order.append(message.folder) }
            var entry: [String: Any] = [
                "subject": message.subject, "from_name": message.from.0, "from_email": message.from.1,
                "to": message.to.map { [$0.0, $0.1] }, "cc": message.cc.map { [$0.0, $0.1] },
                "date": message.date, "body": message.body,
                "message_id": "<\(message.subject.hashValue & 0xFFFFFF)-\(message.date)@pst.example>",
            ]
            if let attachment = message.attachment {
                entry["attachments"] = [["name": attachment.name, "data_base64": attachment.data.base64EncodedString()]]
            }
            folders[message.folder, default: []].append(entry)
        }
        let spec: [String: Any] = ["folders": order.map { ["path": $0, "messages": folders[$0]!] }]
        let specPath = folder.appendingPathComponent("spec.json").path
        try JSONSerialization.data(withJSONObject: spec).write(to: URL(fileURLWithPath: specPath))
        let made = try CorpusBinary.run([Sample.packageRoot.appendingPathComponent("bench/make_pst.py").path, path, "--spec", specPath],
                                        executable: "/usr/bin/python3")
        XCTAssertEqual(made.status, 0, made.stderr)
    }

    func testEveryMessageOfEveryFolderWithItsFolderPath() throws {
        let expected = messages()
        let mailbox = folder.appendingPathComponent("lopez.pst").path
        try writeMailbox(expected, to: mailbox)
        let ingest = try CorpusBinary.run(["ingest", "--index", index, mailbox, "--json"])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        let all = try CorpusBinary.run(["search", "--index", index, "", "--json", "--limit", "100"])
        let hits = try XCTUnwrap((all.json as? [String: Any])?["hits"] as? [[String: Any]], all.stdout)
        let messages = hits.filter { ($0["source"] as? [String: Any])?["attachment"] == nil }
        XCTAssertEqual(messages.count, expected.count, "one record per message")
        for message in expected {
            let hit = try XCTUnwrap(messages.first { $0["subject"] as? String == message.subject }, message.subject)
            let shown = try CorpusBinary.run(["show", "--index", index, try XCTUnwrap(hit["id"] as? String), "--json"])
            let record = try XCTUnwrap(shown.json as? [String: Any], shown.stdout)
            let from = record["from"] as? [String: Any]
            XCTAssertEqual(from?["address"] as? String, message.from.1, message.subject)
            XCTAssertEqual(from?["name"] as? String, message.from.0, message.subject)
            XCTAssertEqual((record["to"] as? [[String: Any]])?.compactMap { $0["address"] as? String }, message.to.map(\.1), message.subject)
            XCTAssertEqual((record["cc"] as? [[String: Any]])?.compactMap { $0["address"] as? String } ?? [], message.cc.map(\.1), message.subject)
            // (The same instant, whichever offset the mailbox keeps it in.)
            let parse = ISO8601DateFormatter()
            XCTAssertEqual((record["date"] as? String).flatMap(parse.date(from:)), parse.date(from: message.date), message.subject)
            XCTAssertTrue((record["text"] as? String)?.contains(message.body) == true, "\(message.subject): \(record["text"] ?? "")")
            let source = try XCTUnwrap(record["source"] as? [String: Any])
            XCTAssertEqual(source["path"] as? String, mailbox)
            let member = try XCTUnwrap(source["member"] as? String)
            let folderPath = "/" + message.folder.joined(separator: "/") + "#"
            XCTAssertTrue(member.hasPrefix("!/") && member.contains(folderPath), "\(member) names the folder \(message.folder)")
        }
        let printed = try XCTUnwrap(hits.first { $0["subject"] as? String == "Pilot terms" }, "the attached release's email")
        XCTAssertEqual((printed["source"] as? [String: Any])?["attachment"] as? String, "printed.pdf")

        // Exported, each message is its .eml, and the attached release its PDF.
        let out = folder.appendingPathComponent("export").path
        let export = try CorpusBinary.run(["export", "--index", index, "", "--out", out, "--format", "dir"])
        XCTAssertEqual(export.status, 0, export.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: out + "/files")
        XCTAssertEqual(files.filter { $0.hasSuffix(".eml") }.count, expected.count, "\(files)")
        let invoice = try XCTUnwrap(files.first { $0.hasSuffix("_Cameras-1.eml") }, "\(files)")
        let eml = try String(contentsOfFile: out + "/files/" + invoice, encoding: .utf8)
        XCTAssertTrue(eml.contains("Pilot invoice"), eml)
        XCTAssertTrue(files.contains { $0.hasSuffix("_printed.pdf") }, "\(files)")

        // The same mailbox again: nothing new.
        let again = try CorpusBinary.run(["ingest", "--index", index, mailbox, "--json"])
        XCTAssertEqual((again.json as? [String: Any])?["skipped_duplicates"] as? Int, 1, again.stdout)
    }

    /// A mailbox cut off in its first pages cannot be opened; one cut off further on gives
    /// the messages still there and says it was cut off (readpst alone says nothing).
    func testCutOffMailboxesAreNamedAndWhatCanBeReadIsKept() throws {
        let whole = folder.appendingPathComponent("whole.pst").path
        try writeMailbox(messages(), to: whole)
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: whole))
        let release = folder.appendingPathComponent("release")
        try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
        let unreadable = release.appendingPathComponent("unreadable.pst"), cut = release.appendingPathComponent("cut.pst")
        try bytes.prefix(4096).write(to: unreadable)
        try bytes.prefix(bytes.count * 2 / 3).write(to: cut)
        try Data("From: a@pd.example.gov\r\nSubject: Kept\r\nDate: Thu, 7 Mar 2019 10:00:00 -0500\r\n\r\nStill here.\r\n".utf8)
            .write(to: release.appendingPathComponent("note.eml"))
        let ingest = try CorpusBinary.run(["ingest", "--index", index, release.path, "--json"])
        XCTAssertEqual(ingest.status, 2, ingest.stderr)
        let summary = try XCTUnwrap(ingest.json as? [String: Any], ingest.stdout)
        let rejected = try XCTUnwrap(summary["rejected"] as? [[String: String]])
        let reasons = Dictionary(uniqueKeysWithValues: rejected.map { ($0["path"] ?? "", $0["reason"] ?? "") })
        XCTAssertTrue(reasons[unreadable.path]?.contains("not a readable Outlook mailbox: readpst failed (status 1): Could not get root record") == true,
                      "\(reasons)")
        XCTAssertTrue(reasons[cut.path]?.contains("cut off: \(bytes.count * 2 / 3) of the \(bytes.count) bytes") == true, "\(reasons)")
        let kept = try CorpusBinary.run(["search", "--index", index, "", "--json", "--limit", "100"])
        let sources = ((kept.json as? [String: Any])?["hits"] as? [[String: Any]] ?? []).compactMap { ($0["source"] as? [String: Any])?["path"] as? String }
        XCTAssertTrue(sources.contains(release.appendingPathComponent("note.eml").path))
        XCTAssertTrue(sources.contains(cut.path), "what the cut mailbox still holds: \(sources)")
    }
}
