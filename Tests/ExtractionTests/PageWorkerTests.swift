import Extraction
import Foundation
import Ingest
import TestSupport
import Workers
import XCTest

/// PageWorker drives the built `corpus-extract` executable (built by `swift build`
/// before the tests), as export and the reading room do.
final class PageWorkerTests: XCTestCase {
    let part1 = Sample.path("releases/NYPD_FOIL_2020-PL-00417_Part1.pdf")
    let worker = PageWorker(executable: CorpusBinary.extractPath)

    func scratch(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID())-\(name)").path
    }

    func testCountsPagesAndCutsAPageRange() throws {
        XCTAssertEqual(try worker.pageCount(of: part1), try PDFDocument(path: part1).pageCount)
        let out = scratch("range.pdf")
        defer { try? FileManager.default.removeItem(atPath: out) }
        try worker.writePages(of: part1, 3, 5, to: out)
        XCTAssertEqual(try PDFDocument(path: out).pageCount, 3)
    }

    func testRendersAPageAsPNG() async throws {
        let out = scratch("page.png")
        defer { try? FileManager.default.removeItem(atPath: out) }
        try await worker.writePNG(of: part1, page: 1, dpi: 36, to: out)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    func testABadFileFailsWithItsReasonAndTheWorkerGoesOn() async throws {
        XCTAssertThrowsError(try worker.pageCount(of: Sample.path("bad/password_protected.pdf"))) { error in
            XCTAssertEqual((error as? PDFError)?.reason, "encrypted PDF: needs a password")
        }
        XCTAssertThrowsError(try worker.writePages(of: part1, 7, 99, to: scratch("none.pdf"))) { error in
            XCTAssertEqual((error as? PDFError)?.reason, "no pages 7–99 in a PDF of 8 pages")
        }
        do {
            try await worker.writePNG(of: part1, page: 9, dpi: 36, to: scratch("none.png"))
            XCTFail("page 9 of 8 was rendered")
        } catch {
            XCTAssertEqual((error as? PDFError)?.reason, "no page 9 in a PDF of 8 pages")
        }
        XCTAssertEqual(try worker.pageCount(of: part1), 8)
    }

    /// Through the worker: an unreadable page comes back marked, with the others' text,
    /// and the same worker goes on; a readable page's reply carries no mark at all.
    func testAnUnreadablePageComesBackMarked() async throws {
        let path = scratch("tree.pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        GeneratedPDF.write(pages: [["The first page."], ["The second page."]], to: path)
        GeneratedPDF.damagePageTree(of: path)
        let pool = WorkerPool(executable: CorpusBinary.extractPath, size: 1)
        let pages = try await pool.pageTexts(of: path, ocr: .auto)
        XCTAssertEqual(pages.map(\.unreadable), [false, false, true])
        XCTAssertTrue(pages[1].text.contains("The second page."), pages[1].text)
        let others = try await pool.pageTexts(of: part1, ocr: .auto)
        XCTAssertEqual(others.count, 8, "the same worker goes on")
        let line = String(decoding: try WorkerLine.encode(WorkerReply.pages(pages)), as: UTF8.self)
        XCTAssertEqual(line.components(separatedBy: "unreadable").count - 1, 1, line)
        XCTAssertEqual(try WorkerLine.decode(WorkerReply.self, from: Data(line.utf8)), .pages(pages))
    }

    /// A file that makes the worker misbehave (see TestFault), and a worker that obeys it.
    func withFault(_ fault: String, _ body: (_ file: String, _ worker: PageWorker) throws -> Void) throws {
        let file = scratch("\(fault).pdf")
        try Data("%PDF-1.4\n%corpus-test-fault:\(fault)\n".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        setenv("CORPUS_TEST_FAULTS", "1", 1)
        defer { unsetenv("CORPUS_TEST_FAULTS") }
        try body(file, PageWorker(executable: CorpusBinary.extractPath))
    }

    func testAWorkerThatCrashesIsReplaced() throws {
        try withFault("abort") { hostile, faulty in
            XCTAssertThrowsError(try faulty.pageCount(of: hostile)) { error in
                XCTAssertTrue((error as? PDFError)?.reason.contains("crashed") == true, "\(error)")
            }
            XCTAssertEqual(try faulty.pageCount(of: part1), 8)
        }
    }

    /// What a library prints on standard output is no reply: the worker answers on a
    /// descriptor of its own.
    func testWhatALibraryPrintsIsNotTakenForTheAnswer() throws {
        try withFault("chatter") { chatty, worker in
            XCTAssertThrowsError(try worker.pageCount(of: chatty)) { error in
                let reason = (error as? PDFError)?.reason ?? "\(error)"
                XCTAssertFalse(reason.contains("garbage"), reason)
                XCTAssertFalse(reason.contains("crashed") || reason.contains("exited"), reason)
            }
            XCTAssertEqual(try worker.pageCount(of: part1), 8, "the same worker goes on")
        }
    }
}
