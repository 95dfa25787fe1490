import Foundation
import TestSupport
import XCTest

/// Ingest that never loses work: hostile files cost only themselves, an ingest killed
/// at any moment resumes to exactly the records of an uninterrupted run, a second
/// writer is refused clearly, and searching during an ingest works.
final class IngestRobustnessTests: XCTestCase {
    var folder: URL!
    var index: String!

    override func setUp() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("robust-\(UUID())")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        index = CorpusBinary.temporaryIndex()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
        try? FileManager.default.removeItem(atPath: index)
    }

    func copySample(_ relative: String, as name: String? = nil) throws {
        try FileManager.default.copyItem(atPath: Sample.path(relative),
                                         toPath: folder.appendingPathComponent(name ?? (relative as NSString).lastPathComponent).path)
    }

    func ids(in index: String) throws -> [String] {
        let result = try CorpusBinary.run(["search", "--index", index, "", "--json", "--limit", "100000"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let hits = (result.json as? [String: Any])?["hits"] as? [[String: Any]] ?? []
        return hits.compactMap { $0["id"] as? String }.sorted()
    }

    func testAWorkerThatCrashesHangsOrRunsAwayCostsOnlyItsFile() throws {
        let good = ["releases/NYPD_FOIL_2020-PL-00417_Part1.pdf", "email/2019-06-25_meeting_request.eml"]
        for file in good { try copySample(file) }
        for fault in ["abort", "hang", "memory", "killed"] {
            try Data("%PDF-1.4\n%corpus-test-fault:\(fault)\n".utf8).write(to: folder.appendingPathComponent("\(fault).pdf"))
        }
        let result = try CorpusBinary.run(["ingest", "--index", index, folder.path, "--timeout", "3", "--json"],
                                          environment: ["CORPUS_TEST_FAULTS": "1", "CORPUS_WORKER_MEMORY_MB": "512"])
        XCTAssertEqual(result.status, 2, result.stderr)
        let summary = try XCTUnwrap(result.json as? [String: Any], result.stdout)
        let rejected = Dictionary(uniqueKeysWithValues: (summary["rejected"] as? [[String: String]] ?? []).map {
            (($0["path"]! as NSString).lastPathComponent, $0["reason"]!)
        })
        XCTAssertEqual(Set(rejected.keys), ["abort.pdf", "hang.pdf", "memory.pdf", "killed.pdf"])
        XCTAssertEqual(rejected["killed.pdf"], "the PDF reader was killed by the system (out of memory?) on this file",
                       "a SIGKILL that was not our timer's is no timeout")
        XCTAssertEqual(rejected["abort.pdf"], "the PDF reader crashed (signal 6) on this file")
        XCTAssertEqual(rejected["hang.pdf"], "took longer than 3 s to read; skipped")
        XCTAssertEqual(rejected["memory.pdf"], "the PDF reader crashed (signal 6) on this file")
        XCTAssertEqual(summary["records"] as? Int, Sample.truth.records(from: good).count, "the good files' records, as the truth file has them")
        XCTAssertFalse(result.stderr.contains("Fatal error"), "no stack trace: \(result.stderr)")
    }

    func testAnIngestKilledAtAnyMomentResumesToTheSameRecords() throws {
        for file in ["releases/NYPD_FOIL_2020-PL-00417_Part1.pdf", "releases/NYPD_FOIL_2020-PL-00417_Part2_personal_accounts.pdf",
                     "releases/ICE_FOIA_2020-ICFO-10233_scanned.pdf", "email/vendor_outreach.mbox",
                     "email/2019-12-02_data_retention_letter.eml", "documents/NYPD_FOIL_Determination_2020-PL-00417.pdf"] {
            try copySample(file)
        }
        let whole = try CorpusBinary.run(["ingest", "--index", index, folder.path, "--json"])
        XCTAssertEqual(whole.status, 0, whole.stderr)
        let expected = try ids(in: index)
        XCTAssertGreaterThan(expected.count, 40)

        for delay in [0.2, 0.6, 1.2, 2.0] {
            let interrupted = CorpusBinary.temporaryIndex()
            defer { try? FileManager.default.removeItem(atPath: interrupted) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CorpusBinary.path)
            process.arguments = ["ingest", "--index", interrupted, folder.path, "--batch", "3", "--jobs", "1"]
            // (A killed ingest leaves its copy of the attachment it was reading: here, not in /tmp.)
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("killed-\(UUID())")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": scratch.path]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let resumed = try CorpusBinary.run(["ingest", "--index", interrupted, folder.path, "--json"])
            XCTAssertEqual(resumed.status, 0, "after a kill at \(delay) s: \(resumed.stderr)")
            XCTAssertEqual(try ids(in: interrupted), expected, "after a kill at \(delay) s")
        }
    }

    func testASecondWriterIsRefusedAndSearchingDuringAnIngestWorks() throws {
        try copySample("email/2019-06-25_meeting_request.eml")
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", index, folder.path]).status, 0)
        try copySample("releases/NYPD_FOIL_2020-PL-00417_Part3_scanned.pdf")
        try copySample("releases/ICE_FOIA_2020-ICFO-10233_scanned.pdf")

        let first = Process()
        first.executableURL = URL(fileURLWithPath: CorpusBinary.path)
        first.arguments = ["ingest", "--index", index, folder.path, "--jobs", "1"]
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertTrue(first.isRunning, "the OCR ingest is still running")

        let second = try CorpusBinary.run(["ingest", "--index", index, folder.path])
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.stderr.hasPrefix("corpus: the index is busy"), second.stderr)

        let search = try CorpusBinary.run(["search", "--index", index, "kind:email", "--json"])
        XCTAssertEqual(search.status, 0, search.stderr)
        XCTAssertEqual((search.json as? [String: Any])?["total"] as? Int, 1, "the last commit is seen")

        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0)
        XCTAssertGreaterThan(try ids(in: index).count, 10)
    }

    func testFoldersAreWalkedOnceThroughSymlinkLoopsAndHiddenFilesAreSkipped() throws {
        let files = ["email/2019-06-25_meeting_request.eml", "email/2020-02-18_foil_follow_up.eml"]
        try copySample(files[0])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try copySample(files[1], as: "sub/follow_up.eml")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("sub/loop").path, withDestinationPath: folder.path)
        try Data("junk".utf8).write(to: folder.appendingPathComponent(".DS_Store"))
        let result = try CorpusBinary.run(["ingest", "--index", index, folder.path, "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let summary = try XCTUnwrap(result.json as? [String: Any])
        XCTAssertEqual(summary["files"] as? Int, files.count, "each file once, through the loop")
        XCTAssertEqual(summary["records"] as? Int, Sample.truth.records(from: files).count)
    }

    func testAnAttachmentNamedWithFoldersIsExportedInsideTheExport() throws {
        // A sender chooses an attachment's name; "../" in it must not reach the reporter's disk.
        let message = """
            From: Tip Line <tips@example.org>
            To: desk@example.org
            Subject: Records
            Date: Mon, 2 Mar 2020 10:00:00 -0500
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            See the attached list.
            --b
            Content-Type: text/plain; name="list.txt"
            Content-Disposition: attachment; filename="../../escaped-list.txt"

            Vendors named in the request: Clearview AI, Vigilant Solutions.
            --b--

            """
        try Data(message.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: folder.appendingPathComponent("tip.eml"))
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", index, folder.path]).status, 0)
        let out = folder.appendingPathComponent("export/inner")
        let result = try CorpusBinary.run(["export", "--index", index, "--out", out.path, "--format", "dir"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("files").path)
        XCTAssertTrue(files.contains { $0.hasSuffix("_escaped-list.txt") }, "\(files)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("escaped-list.txt").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("export/escaped-list.txt").path))
    }

    func testExportForceReplacesOnlyAnEarlierExport() throws {
        try copySample("email/2019-06-25_meeting_request.eml")
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", index, folder.path]).status, 0)
        let notes = folder.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try Data("my sources".utf8).write(to: notes.appendingPathComponent("notes.txt"))
        let refused = try CorpusBinary.run(["export", "--index", index, "--out", notes.path, "--format", "dir", "--force"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("not an export corpus wrote"), refused.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: notes.appendingPathComponent("notes.txt").path), "the reporter's folder is untouched")
        let zipPath = folder.appendingPathComponent("letter.zip").path
        try Data("PK not ours".utf8).write(to: URL(fileURLWithPath: zipPath))
        XCTAssertEqual(try CorpusBinary.run(["export", "--index", index, "--out", zipPath, "--force"]).status, 1)

        let out = folder.appendingPathComponent("export").path
        for _ in 0..<2 {
            let result = try CorpusBinary.run(["export", "--index", index, "--out", out, "--format", "dir", "--force"])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let zip = folder.appendingPathComponent("export.zip").path
        for _ in 0..<2 {
            let result = try CorpusBinary.run(["export", "--index", index, "--out", zip, "--force"])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
    }

    func testTwoAttachmentsOfTheSameNameExportTheirOwnBytes() throws {
        let message = """
            From: Tip Line <tips@example.org>
            To: desk@example.org
            Subject: Two lists
            Date: Mon, 2 Mar 2020 10:00:00 -0500
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            Two lists attached.
            --b
            Content-Type: text/plain
            Content-Disposition: attachment; filename="attachment"

            First list: Clearview AI.
            --b
            Content-Type: text/plain
            Content-Disposition: attachment; filename="attachment"

            Second list: Vigilant Solutions.
            --b--

            """
        try Data(message.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: folder.appendingPathComponent("lists.eml"))
        XCTAssertEqual(try CorpusBinary.run(["ingest", "--index", index, folder.path]).status, 0)
        let out = folder.appendingPathComponent("export")
        XCTAssertEqual(try CorpusBinary.run(["export", "--index", index, "--out", out.path, "--format", "dir"]).status, 0)
        let files = out.appendingPathComponent("files")
        let texts = try FileManager.default.contentsOfDirectory(atPath: files.path).filter { $0.hasSuffix("_attachment") }
            .map { try String(contentsOf: files.appendingPathComponent($0), encoding: .utf8) }
        XCTAssertEqual(Set(texts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }),
                       ["First list: Clearview AI.", "Second list: Vigilant Solutions."])
    }

    func testAFileThatFailedIsRememberedNotReadAgainUnlessAsked() throws {
        try copySample("email/2019-06-25_meeting_request.eml")
        try copySample("bad/truncated.pdf")
        try copySample("bad/garbage.eml")
        func ingest(_ extra: [String] = []) throws -> (status: Int32, summary: [String: Any], stderr: String) {
            let result = try CorpusBinary.run(["ingest", "--index", index, folder.path, "--json"] + extra)
            return (result.status, try XCTUnwrap(result.json as? [String: Any], result.stdout), result.stderr)
        }
        let first = try ingest()
        XCTAssertEqual(first.status, 2)
        XCTAssertEqual((first.summary["rejected"] as? [Any])?.count, 2)
        let again = try ingest()
        XCTAssertEqual(again.status, 0, "nothing new failed")
        XCTAssertEqual((again.summary["rejected"] as? [Any])?.count, 0)
        let before = try XCTUnwrap(again.summary["failed_before"] as? [[String: String]])
        XCTAssertEqual(Set(before.compactMap { $0["path"].map { ($0 as NSString).lastPathComponent } }), ["truncated.pdf", "garbage.eml"])
        XCTAssertTrue(again.stderr.contains("not read again"), again.stderr)
        let retried = try ingest(["--retry-failed"])
        XCTAssertEqual(retried.status, 2, "read again, and rejected again")
        XCTAssertEqual((retried.summary["rejected"] as? [Any])?.count, 2)
    }

    /// --verbose says what happened to each file, by name; without it, no such line.
    func testVerboseSaysWhatHappenedToEachFile() throws {
        let good = ["email/2019-06-25_meeting_request.eml", "email/vendor_outreach.mbox"]
        for file in good + ["bad/garbage.eml"] { try copySample(file) }
        let quiet = try CorpusBinary.run(["ingest", "--index", index, folder.path])
        XCTAssertFalse(quiet.stderr.contains("record(s)"), quiet.stderr)
        try FileManager.default.removeItem(atPath: index)

        let verbose = try CorpusBinary.run(["ingest", "--index", index, folder.path, "--verbose"])
        XCTAssertEqual(verbose.status, 2, verbose.stderr)
        for file in good {
            let name = (file as NSString).lastPathComponent
            let line = verbose.stderr.split(separator: "\n").first { $0.contains(name) && $0.contains("record(s)") }
            XCTAssertTrue(line?.contains(": \(Sample.truth.records(from: [file]).count) record(s)") == true, "\(name): \(verbose.stderr)")
        }
        XCTAssertTrue(verbose.stderr.split(separator: "\n").contains { $0.contains("garbage.eml: rejected: ") }, verbose.stderr)
    }
}
