import Foundation
import TestSupport
import XCTest

/// Outlook .msg files, as "native format" productions deliver them, written in the test
/// through libgsf: a message sent on behalf of another, recipients of every type, an
/// attached PDF of printed emails and an embedded message whose only body is compressed RTF.
final class OutlookMessageIngestTests: XCTestCase {
    var folder: URL!
    var index: String!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("msg-\(UUID())")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        index = CorpusBinary.temporaryIndex()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(atPath: index)
    }

    /// RTF in Outlook's compressed form, written as literals only (a valid stream: a
    /// compressor need not find any repeat), ended by the reference to the write position.
    static func compressedRTF(_ rtf: String) -> Data {
        let literals = Array(rtf.utf8)
        let end = (207 + literals.count) & 0xFFF
        var items: [[UInt8]] = literals.map { [$0] } + [[UInt8(end >> 4), UInt8((end & 0xF) << 4)]]
        var body = Data()
        while !items.isEmpty {
            let group = items.prefix(8)
            items.removeFirst(group.count)
            body.append(group.enumerated().reduce(UInt8(0)) { $0 | ($1.element.count == 2 ? 1 << $1.offset : 0) })
            for item in group { body.append(contentsOf: item) }
        }
        var header = Data()
        for value in [UInt32(body.count + 12), UInt32(literals.count), 0x7546_5A4C, 0] {
            header += Data((0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) })
        }
        return header + body
    }

    func writeMessage(to path: String) {
        let printed = folder.appendingPathComponent("printed.pdf").path
        GeneratedPDF.write(pages: [
            ["From: Ines Barros <ibarros@vendor-z.example>", "Sent: Monday, March 4, 2019 9:12 AM", "To: Records Desk <records@pd.example.gov>",
             "Subject: Pilot terms", "", "The pilot ends on Friday."],
            ["From: Wendell Osei <wosei@pd.example.gov>", "Sent: Tuesday, March 5, 2019 2:40 PM", "To: Ines Barros <ibarros@vendor-z.example>",
             "Subject: RE: Pilot terms", "", "Send the invoice first."],
        ], to: printed)
        let rtf = #"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}\pard\f0 The cameras ship in May, caf\'e9 included.\par Ines}"#
        let reply = GeneratedOutlookMessage(properties: [
            0x0037: .text("RE: Camera contract"), 0x0042: .text("Ines Barros"), 0x0065: .text("ibarros@vendor-z.example"),
            0x0064: .text("SMTP"), 0x0039: .time(Date(timeIntervalSince1970: 1_552_050_000)),
            0x1009: .binary(Self.compressedRTF(rtf)),
        ], recipients: [.init(name: "Maria Lopez", address: "mlopez@pd.example.gov")])
        GeneratedOutlookMessage(properties: [
            0x0037: .text("FW: Camera contract"),
            // Sent by an assistant on the chief's behalf.
            0x0042: .text("Chief Maria Lopez"), 0x0065: .text("mlopez@pd.example.gov"), 0x0064: .text("SMTP"),
            0x0C1A: .text("Tom Reed"), 0x0C1F: .text("treed@pd.example.gov"), 0x0C1E: .text("SMTP"),
            0x0039: .time(Date(timeIntervalSince1970: 1_552_140_000)),
            0x1035: .text("<fw-camera@pd.example.gov>"),
            0x1000: .text("Forwarding the vendor's reply and the printed thread."),
            0x1013: .binary(Data("<html><body><p>Forwarding the vendor&#39;s reply and the printed thread.</p></body></html>".utf8)),
        ], recipients: [
            .init(name: "Records Desk", address: "records@pd.example.gov"),
            .init(name: "Ana Ruiz", address: "aruiz@pd.example.gov", type: 2),
            // An Exchange address, no SMTP one: the name alone, never the X.500 path.
            .init(name: "Dan Kim", address: "/O=CITY/OU=EXCHANGE ADMINISTRATIVE GROUP/CN=RECIPIENTS/CN=DKIM", type: 2, addressType: "EX"),
            .init(name: "Legal", address: "legal@pd.example.gov", type: 3),
        ], attachments: [
            .file(name: "printed.pdf", mimeType: "application/pdf", data: FileManager.default.contents(atPath: printed)!),
            .message(name: "RE: Camera contract", reply),
        ]).write(to: path)
        try? FileManager.default.removeItem(atPath: printed)
    }

    func record(_ id: String) throws -> [String: Any] {
        let shown = try CorpusBinary.run(["show", "--index", index, id, "--json"])
        return try XCTUnwrap(shown.json as? [String: Any], shown.stdout + shown.stderr)
    }

    func testAnOutlookMessageWithAnEmbeddedMessageAndAnAttachedRelease() throws {
        let path = folder.appendingPathComponent("camera contract.msg").path
        writeMessage(to: path)
        let ingest = try CorpusBinary.run(["ingest", "--index", index, path, "--json"])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        let all = try CorpusBinary.run(["search", "--index", index, "", "--json", "--sort", "date"])
        let hits = try XCTUnwrap((all.json as? [String: Any])?["hits"] as? [[String: Any]], all.stdout)
        XCTAssertEqual(hits.map { $0["subject"] as? String }, ["Pilot terms", "RE: Pilot terms", "RE: Camera contract", "FW: Camera contract"])

        let forward = try record(try XCTUnwrap(hits[3]["id"] as? String))
        func person(_ value: Any?) -> String {
            guard let value = value as? [String: Any] else { return "-" }
            return "\(value["name"] as? String ?? "") <\(value["address"] as? String ?? "")>"
        }
        XCTAssertEqual(person(forward["from"]), "Chief Maria Lopez <mlopez@pd.example.gov>", "From: the mailbox it was sent for")
        XCTAssertEqual(person(forward["sender"]), "Tom Reed <treed@pd.example.gov>", "and who sent it")
        XCTAssertEqual((forward["to"] as? [Any])?.map(person), ["Records Desk <records@pd.example.gov>"])
        XCTAssertEqual((forward["cc"] as? [Any])?.map(person), ["Ana Ruiz <aruiz@pd.example.gov>", "Dan Kim <>"])
        XCTAssertEqual(forward["date"] as? String, "2019-03-09T14:00:00+00:00")
        XCTAssertEqual((forward["text"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines),
                       "Forwarding the vendor's reply and the printed thread.")
        XCTAssertEqual((forward["source"] as? [String: Any])?["path"] as? String, path)
        XCTAssertEqual((forward["attachments"] as? [String])?.count, 3, "the embedded message and the PDF's two emails")

        let reply = try record(try XCTUnwrap(hits[2]["id"] as? String))
        XCTAssertEqual(person(reply["from"]), "Ines Barros <ibarros@vendor-z.example>")
        XCTAssertEqual(reply["date"] as? String, "2019-03-08T13:00:00+00:00")
        XCTAssertEqual(reply["parent"] as? String, forward["id"] as? String)
        XCTAssertEqual((reply["text"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines),
                       "The cameras ship in May, café included.\nInes", "the RTF-only body, read")

        for printed in hits.prefix(2) {
            let source = try XCTUnwrap(printed["source"] as? [String: Any])
            XCTAssertEqual(source["attachment"] as? String, "printed.pdf")
            XCTAssertEqual(source["path"] as? String, path)
        }
    }

    /// A .msg inside a zip is read as a loose one is, its member path kept.
    func testAnOutlookMessageInsideAnArchive() throws {
        let message = folder.appendingPathComponent("contract.msg").path
        writeMessage(to: message)
        let zip = folder.appendingPathComponent("production.zip").path
        let zipped = try CorpusBinary.run(["-q", "-j", zip, message], executable: "/usr/bin/zip")
        XCTAssertEqual(zipped.status, 0, zipped.stderr)
        try FileManager.default.removeItem(atPath: message)
        let ingest = try CorpusBinary.run(["ingest", "--index", index, zip, "--json"])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        let found = try CorpusBinary.run(["search", "--index", index, "subject:\"FW: Camera contract\"", "--json"])
        let hit = try XCTUnwrap(((found.json as? [String: Any])?["hits"] as? [[String: Any]])?.first, found.stdout)
        XCTAssertEqual((hit["source"] as? [String: Any])?["member"] as? String, "!/contract.msg")
        XCTAssertEqual((hit["from"] as? [String: Any])?["address"] as? String, "mlopez@pd.example.gov")
    }
}
