import Foundation
import Extraction
@testable import Ingest
import TestSupport
import XCTest

/// The ingester with an in-memory sink: an mbox streams through in chunks, and the
/// file counts as indexed only once its last message is in.
final class IngesterTests: XCTestCase {
    final class MemorySink: RecordSink, @unchecked Sendable {
        let lock = NSLock()
        var adds: [[Record]] = []
        var finished: [String] = []
        var recordsAtFinish = 0

        func isIndexed(sha256: String) throws -> Bool { lock.withLock { finished.contains(sha256) } }
        func add(_ records: [Record]) throws { lock.withLock { adds.append(records) } }
        func finish(sha256: String, files: Int, pages: Int, ocrPages: Int) throws {
            lock.withLock {
                finished.append(sha256)
                recordsAtFinish = adds.map(\.count).reduce(0, +)
            }
        }
        func commit() throws {}
        func tally() throws -> SinkTally { lock.withLock { SinkTally(added: adds.map(\.count).reduce(0, +)) } }
        var failures: [String: String] = [:]
        func failure(sha256: String) throws -> String? { lock.withLock { failures[sha256] } }
        func recordFailure(sha256: String, reason: String) throws { lock.withLock { failures[sha256] = reason } }
    }

    func testALargeMboxStreamsThroughInChunks() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mbox-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var mbox = ""
        for i in 0..<1_200 {
            mbox += "From sender\(i)@nypd.org Tue Dec  4 10:\(String(format: "%02d", i % 60)):00 2018\n"
            mbox += "From: Sender \(i) <sender\(i)@nypd.org>\nSubject: message \(i)\nDate: Tue, 4 Dec 2018 10:32:00 -0500\n"
            mbox += (i % 3 == 0 ? "" : "Message-ID: <m\(i)@nypd.org>\n") + "\nBody of message \(i).\n\n"
        }
        try Data(mbox.utf8).write(to: folder.appendingPathComponent("export.mbox"))

        var ingester = Ingester(extractor: InProcessExtractor(), builder: RecordBuilder(), jobs: 1)
        ingester.messageChunk = 100
        let sink = MemorySink()
        let report = try await ingester.run(paths: [folder.path], into: sink)
        XCTAssertEqual(report.records, 1_200)
        XCTAssertEqual(report.files, 1)
        XCTAssertGreaterThanOrEqual(sink.adds.count, 12, "records arrive a chunk at a time")
        XCTAssertEqual(sink.finished.count, 1)
        XCTAssertEqual(sink.recordsAtFinish, 1_200, "the file is finished after its last record")
        XCTAssertEqual(Set(sink.adds.joined().map(\.id)).count, 1_200, "messages with and without Message-ID keep distinct ids")

        let again = try await ingester.run(paths: [folder.path], into: sink)
        XCTAssertEqual(again.skippedDuplicates, 1)
    }
    func testEveryMessageOfAnMboxIsARecordOrARejectionWithItsPosition() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mbox-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mbox = """
            From a@nypd.org Tue Dec  4 10:32:00 2018
            From: a@nypd.org
            Subject: one

            First.

            From list@nypd.org Tue Dec  4 10:40:00 2018
            X-Digest: notes

            A message without From, Date or Subject keeps its text.

            From b@nypd.org Tue Dec  4 11:00:00 2018
            From: b@nypd.org
            Subject: with an image
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            Photo attached.
            --b
            Content-Type: image/png; name="probe.png"
            Content-Disposition: attachment; filename="probe.png"
            Content-Transfer-Encoding: base64

            iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==
            --b--

            From c@nypd.org Tue Dec  4 12:00:00 2018
            From: c@nypd.org
            Subj
            """
        let path = folder.appendingPathComponent("export.mbox").path
        try Data(mbox.utf8).write(to: URL(fileURLWithPath: path))
        let sink = MemorySink()
        let report = try await Ingester(extractor: InProcessExtractor(), builder: RecordBuilder(), jobs: 1)
            .run(paths: [folder.path], into: sink)
        let records = Array(sink.adds.joined())
        XCTAssertEqual(records.map(\.source.member), ["#1", "#2", "#3"])
        XCTAssertEqual(records[1].text.trimmingCharacters(in: .whitespacesAndNewlines), "A message without From, Date or Subject keeps its text.")
        XCTAssertEqual(report.rejected, [Rejection(path: path + "#4", reason: "message cut off before the end of its headers")])
        XCTAssertEqual(records[2].unreadAttachments,
                       [UnreadAttachment(name: "probe.png", type: "image/png", size: 70,
                                         reason: "an attached PNG or JPEG image: not OCR'd (a logo or a photo, most often); a scan given as a file is")])
    }

    /// A PDF with a page that cannot be read: its other pages are records, the report has
    /// a line naming the file and the page, and the records say where text may be missing.
    func testAPDFWithAnUnreadablePageKeepsItsOtherPages() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tree-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("release.pdf").path
        GeneratedPDF.write(pages: [["From: Ines Barros <ibarros@vendor-z.example>", "Sent: Tuesday, March 5, 2019 10:12 AM",
                                    "To: Karen O'Neill <karen.oneill@nypd.org>", "Subject: Pilot terms", "",
                                    "The pilot ends on Friday."],
                                   ["The invoice follows next week."]], to: path)
        GeneratedPDF.damagePageTree(of: path)
        let sink = MemorySink()
        let report = try await Ingester(extractor: InProcessExtractor(), builder: RecordBuilder(), jobs: 1)
            .run(paths: [folder.path], into: sink)
        XCTAssertEqual(report.rejected, [Rejection(path: path, reason: "p. 3 of its 3 could not be read (a damaged page); the other pages are ingested")])
        XCTAssertEqual(report.pages, 2)
        let records = Array(sink.adds.joined())
        XCTAssertEqual(records.count, 1)
        XCTAssertEqual(records.first?.from?.address, "ibarros@vendor-z.example")
        XCTAssertTrue(records.first?.text.contains("The invoice follows next week.") == true)
        XCTAssertTrue(records.first?.text.contains("p. 3 of this PDF could not be read") == true, records.first?.text ?? "")
        XCTAssertEqual(sink.finished.count, 1, "the file is done: its readable pages are in")
    }
}


final class OCRLanguageCheckTests: XCTestCase {
    func testLanguagesAreCheckedAgainstTheModelsInstalled() {
        let installed = ["eng", "osd", "spa"]
        XCTAssertNoThrow(try OCRLanguage.check("eng+spa", available: installed))
        XCTAssertThrowsError(try OCRLanguage.check("eng+chi_sim+rus", available: installed)) { error in
            XCTAssertEqual("\(error)", "Tesseract has no model for chi_sim, rus on this machine: "
                + "install the Debian packages (apt-get install tesseract-ocr-chi-sim tesseract-ocr-rus)")
        }
        for name in ["Spanish", "eng+", "spa eng", ""] {
            XCTAssertThrowsError(try OCRLanguage.check(name, available: installed), name)
        }
    }
}
