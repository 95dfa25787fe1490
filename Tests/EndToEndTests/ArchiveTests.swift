import Foundation
import TestSupport
import XCTest

/// Releases delivered as archives: a zip holding a zip holding a PDF of printed emails, an
/// .eml beside it; 7-Zip and tar.gz; members that must not be unpacked (a name climbing
/// out of the folder, an encrypted member, a decompression bomb, a cut-off archive)
/// rejected one by one while the rest is kept. What the archive's records must be is
/// what the same files give ingested loose.
final class ArchiveTests: XCTestCase {
    var folder: URL!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("archive-\(UUID())")
        try! FileManager.default.createDirectory(at: folder.appendingPathComponent("loose/part2"), withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// loose/part2/printed.pdf (three printed emails on two pages) and loose/note.eml.
    func writeLooseFiles() throws {
        GeneratedPDF.write(pages: [
            ["From: Ines Barros <ibarros@vendor-z.example>", "Sent: Monday, March 4, 2019 9:12 AM", "To: Records Desk <records@parks.example.gov>",
             "Subject: Pilot terms", "", "The pilot ends on Friday.", "",
             "From: Wendell Osei <wosei@parks.example.gov>", "Sent: Tuesday, March 5, 2019 2:40 PM", "To: Ines Barros <ibarros@vendor-z.example>",
             "Subject: RE: Pilot terms", "", "Send the invoice first."],
            ["From: Ines Barros <ibarros@vendor-z.example>", "Sent: Wednesday, March 6, 2019 8:05 AM", "To: Records Desk <records@parks.example.gov>",
             "Subject: Invoice", "", "The invoice is attached."],
        ], to: path("loose/part2/printed.pdf"))
        try Data("""
            From: Wendell Osei <wosei@parks.example.gov>\r
            To: Ines Barros <ibarros@vendor-z.example>\r
            Subject: Payment sent\r
            Date: Thu, 7 Mar 2019 10:00:00 -0500\r
            Message-ID: <payment-1@parks.example.gov>\r
            \r
            The payment went out today.\r

            """.utf8).write(to: URL(fileURLWithPath: path("loose/note.eml")))
    }

    func run(_ arguments: [String], in directory: String, tool: String) throws {
        let result = try CorpusBinary.run(["-c", "cd \"$0\" && exec \"$@\"", directory, tool] + arguments, executable: "/bin/sh")
        XCTAssertEqual(result.status, 0, "\(tool) \(arguments): \(result.stderr)")
    }

    /// Every record of an index, by id: its subject, sender, pages and source.
    func records(in index: String) throws -> [String: [String: Any]] {
        let all = try CorpusBinary.run(["search", "--index", index, "", "--json", "--limit", "100"])
        var byID: [String: [String: Any]] = [:]
        for hit in try XCTUnwrap((all.json as? [String: Any])?["hits"] as? [[String: Any]], all.stdout) {
            byID[try XCTUnwrap(hit["id"] as? String)] = hit
        }
        return byID
    }

    func ingest(_ paths: [String], index: String) throws -> (status: Int32, summary: [String: Any], stderr: String) {
        let result = try CorpusBinary.run(["ingest", "--index", index, "--json"] + paths)
        return (result.status, try XCTUnwrap(result.json as? [String: Any], result.stdout + result.stderr), result.stderr)
    }

    func testAZipInAZipIsIngestedMemberByMemberWithItsMemberPaths() throws {
        try writeLooseFiles()
        try run(["-q", "-r", path("inner.zip"), "part2"], in: path("loose"), tool: "zip")
        try run(["-q", path("release.zip"), "note.eml"], in: path("loose"), tool: "zip")
        try run(["-q", path("release.zip"), "inner.zip"], in: folder.path, tool: "zip")
        try FileManager.default.createDirectory(atPath: path("zipped"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: path("release.zip"), toPath: path("zipped/release.zip"))

        let looseIndex = CorpusBinary.temporaryIndex(), zipIndex = CorpusBinary.temporaryIndex()
        defer { for index in [looseIndex, zipIndex] { try? FileManager.default.removeItem(atPath: index) } }
        XCTAssertEqual(try ingest([path("loose")], index: looseIndex).status, 0)
        let zipped = try ingest([path("zipped/release.zip")], index: zipIndex)
        XCTAssertEqual(zipped.status, 0, zipped.stderr)
        XCTAssertEqual(zipped.summary["pages"] as? Int, 2)

        let loose = try records(in: looseIndex), fromZip = try records(in: zipIndex)
        XCTAssertEqual(loose.count, 4, "three printed emails and a message")
        XCTAssertEqual(Set(fromZip.keys), Set(loose.keys), "the same records, by id")
        for (id, record) in loose {
            let zipRecord = try XCTUnwrap(fromZip[id])
            for field in ["subject", "date", "kind"] { XCTAssertEqual("\(record[field] ?? "")", "\(zipRecord[field] ?? "")", "\(id) \(field)") }
            XCTAssertEqual((record["from"] as? [String: Any])?["address"] as? String, (zipRecord["from"] as? [String: Any])?["address"] as? String)
            let looseSource = try XCTUnwrap(record["source"] as? [String: Any]), zipSource = try XCTUnwrap(zipRecord["source"] as? [String: Any])
            XCTAssertEqual(looseSource["sha256"] as? String, zipSource["sha256"] as? String, "a member's hash is its own")
            XCTAssertEqual(looseSource["pages"] as? [Int], zipSource["pages"] as? [Int])
            XCTAssertEqual(zipSource["path"] as? String, path("zipped/release.zip"))
            let expectedMember = (looseSource["path"] as? String) == path("loose/note.eml") ? "!/note.eml" : "!/inner.zip!/part2/printed.pdf"
            XCTAssertEqual(zipSource["member"] as? String, expectedMember)
        }

        // The records' pages and originals are reached inside the archive.
        let out = path("export")
        let export = try CorpusBinary.run(["export", "--index", zipIndex, "", "--out", out, "--format", "dir"])
        XCTAssertEqual(export.status, 0, export.stderr)
        let exported = try FileManager.default.contentsOfDirectory(atPath: out + "/files")
        let pdfCopy = try XCTUnwrap(exported.first { $0.hasSuffix("_printed.pdf") }, "\(exported)")
        XCTAssertEqual(FileManager.default.contents(atPath: out + "/files/" + pdfCopy), FileManager.default.contents(atPath: path("loose/part2/printed.pdf")))
        XCTAssertTrue(exported.contains { $0.hasSuffix("_note.eml") }, "\(exported)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out + "/files/pages").count, 2, "one PDF for each page's emails")
        let manifest = try String(contentsOfFile: out + "/manifest.csv", encoding: .utf8)
        XCTAssertTrue(manifest.contains(",!/inner.zip!/part2/printed.pdf,"), manifest)

        // The archive again, and a member met loose: nothing new.
        let again = try ingest([path("zipped/release.zip"), path("loose/note.eml")], index: zipIndex)
        XCTAssertEqual(again.summary["records"] as? Int, 0)
        XCTAssertEqual(again.summary["skipped_duplicates"] as? Int, 2)
    }

    func testMembersThatMustNotBeUnpackedAreRejectedOneByOneAndTheRestKept() throws {
        try writeLooseFiles()
        try run(["-q", path("release.zip"), "note.eml"], in: path("loose"), tool: "zip")
        try Data("a password-protected note\n".utf8).write(to: URL(fileURLWithPath: path("secret.txt")))
        try run(["-q", "-P", "letmein", path("release.zip"), "secret.txt"], in: folder.path, tool: "zip")
        // A name that climbs out of the folder, and 300 MB of zeros packed into a few hundred KB.
        let script = """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], "a", zipfile.ZIP_DEFLATED) as z:
                z.writestr("../../outside.txt", "From: nobody\\n")
                with z.open("zeros.txt", "w", force_zip64=True) as member:
                    block = bytes(1 << 20)
                    for _ in range(300): member.write(block)
            """
        let python = try CorpusBinary.run(["-c", script, path("release.zip")], executable: "/usr/bin/python3")
        XCTAssertEqual(python.status, 0, python.stderr)

        let index = CorpusBinary.temporaryIndex()
        defer { try? FileManager.default.removeItem(atPath: index) }
        let result = try ingest([path("release.zip")], index: index)
        XCTAssertEqual(result.status, 2, "something was rejected")
        let rejected = try XCTUnwrap(result.summary["rejected"] as? [[String: String]])
        let reasons = Dictionary(uniqueKeysWithValues: rejected.map { ($0["path"] ?? "", $0["reason"] ?? "") })
        let zip = path("release.zip")
        XCTAssertEqual(Set(reasons.keys), [zip + "!/secret.txt", zip + "!/../../outside.txt", zip + "!/zeros.txt"])
        XCTAssertTrue(reasons[zip + "!/secret.txt"]!.contains("encrypted"), "\(reasons)")
        XCTAssertTrue(reasons[zip + "!/../../outside.txt"]!.contains("path-traversal"), "\(reasons)")
        XCTAssertTrue(reasons[zip + "!/zeros.txt"]!.contains("decompression bomb"), "\(reasons)")
        XCTAssertTrue(result.stderr.contains(zip + "!/secret.txt"), "each named on stderr too: \(result.stderr)")
        XCTAssertEqual(try records(in: index).values.compactMap { $0["subject"] as? String }, ["Payment sent"], "the rest is kept")
    }

    /// 7-Zip and tar.gz (through bsdtar) hold the same records; a tar cut off inside its
    /// second member keeps the first and names the cut.
    func testSevenZipTarGzAndACutOffTar() throws {
        try writeLooseFiles()
        let looseIndex = CorpusBinary.temporaryIndex()
        defer { try? FileManager.default.removeItem(atPath: looseIndex) }
        XCTAssertEqual(try ingest([path("loose")], index: looseIndex).status, 0)
        let expected = Set(try records(in: looseIndex).keys)
        for name in ["release.7z", "release.tar.gz"] {
            try run(["-a", "-cf", path(name), "part2", "note.eml"], in: path("loose"), tool: "bsdtar")
            let index = CorpusBinary.temporaryIndex()
            defer { try? FileManager.default.removeItem(atPath: index) }
            let result = try ingest([path(name)], index: index)
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            XCTAssertEqual(Set(try records(in: index).keys), expected, name)
        }

        try run(["-cf", path("whole.tar"), "note.eml", "part2/printed.pdf"], in: path("loose"), tool: "bsdtar")
        let whole = try XCTUnwrap(FileManager.default.contents(atPath: path("whole.tar")))
        let pdfSize = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path("loose/part2/printed.pdf"))[.size] as? Int)
        // (The note's header and its data take the first 1,024 bytes; the cut falls inside the PDF.)
        try whole.prefix(1024 + 512 + pdfSize / 2).write(to: URL(fileURLWithPath: path("cut.tar")))
        let index = CorpusBinary.temporaryIndex()
        defer { try? FileManager.default.removeItem(atPath: index) }
        let result = try ingest([path("cut.tar")], index: index)
        XCTAssertEqual(result.status, 2, result.stderr)
        let rejected = try XCTUnwrap(result.summary["rejected"] as? [[String: String]])
        XCTAssertEqual(rejected.map { $0["path"] }, [path("cut.tar") + "!/part2/printed.pdf"], "\(rejected)")
        XCTAssertTrue(rejected.first?["reason"]?.contains("cut off") == true, "\(rejected)")
        XCTAssertEqual(try records(in: index).values.compactMap { $0["subject"] as? String }, ["Payment sent"])
    }

    /// A zip attached to an email (a records office sending "the production"): its members
    /// are the email's attachments, each named inside the zip, the unreadable ones listed.
    func testAZipAttachedToAnEmail() throws {
        try writeLooseFiles()
        try run(["-q", "-r", path("production.zip"), "part2"], in: path("loose"), tool: "zip")
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: path("notes.txt")))
        try run(["-q", "-P", "letmein", path("production.zip"), "notes.txt"], in: folder.path, tool: "zip")
        let zip = try XCTUnwrap(FileManager.default.contents(atPath: path("production.zip")))
        let mail = folder.appendingPathComponent("mail")
        try FileManager.default.createDirectory(at: mail, withIntermediateDirectories: true)
        try Data("""
            From: Records Access Officer <foil@parks.example.gov>\r
            To: Reporter <desk@paper.example.com>\r
            Subject: Your request: the production\r
            Date: Fri, 8 Mar 2019 16:00:00 -0500\r
            Message-ID: <production-1@parks.example.gov>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b"\r
            \r
            --b\r
            Content-Type: text/plain\r
            \r
            The records are attached.\r
            --b\r
            Content-Type: application/zip; name="production.zip"\r
            Content-Disposition: attachment; filename="production.zip"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(zip.base64EncodedString(options: .lineLength76Characters))\r
            --b--\r

            """.utf8).write(to: mail.appendingPathComponent("production.eml"))
        let index = CorpusBinary.temporaryIndex()
        defer { try? FileManager.default.removeItem(atPath: index) }
        XCTAssertEqual(try ingest([mail.path], index: index).status, 0)
        let records = try records(in: index).values
        let printed = records.filter { ($0["source"] as? [String: Any])?["attachment"] as? String == "production.zip!/part2/printed.pdf" }
        XCTAssertEqual(Set(printed.compactMap { $0["subject"] as? String }), ["Pilot terms", "RE: Pilot terms", "Invoice"])
        let email = try XCTUnwrap(records.first { $0["subject"] as? String == "Your request: the production" })
        let shown = try CorpusBinary.run(["show", "--index", index, try XCTUnwrap(email["id"] as? String), "--json"])
        let record = try XCTUnwrap(shown.json as? [String: Any], shown.stdout)
        XCTAssertEqual((record["attachments"] as? [String])?.count, 3)
        let unread = try XCTUnwrap(record["unread_attachments"] as? [[String: Any]])
        XCTAssertEqual(unread.map { $0["name"] as? String }, ["production.zip!/notes.txt"])
        XCTAssertTrue((unread.first?["reason"] as? String)?.contains("encrypted") == true, "\(unread)")

        let out = path("export")
        let export = try CorpusBinary.run(["export", "--index", index, "", "--out", out, "--format", "dir"])
        XCTAssertEqual(export.status, 0, export.stderr)
        let exported = try FileManager.default.contentsOfDirectory(atPath: out + "/files")
        let pdf = try XCTUnwrap(exported.first { $0.hasSuffix("_printed.pdf") }, "\(exported)")
        XCTAssertEqual(FileManager.default.contents(atPath: out + "/files/" + pdf), FileManager.default.contents(atPath: path("loose/part2/printed.pdf")))
    }
}
