import Foundation
import Ingest
import TestSupport
import Workers
import XCTest

/// The pool of `corpus-extract` workers when a worker is gone before it is asked
/// anything, and when the process that started it is.
final class WorkerPoolTests: XCTestCase {
    let part1 = Sample.path("releases/NYPD_FOIL_2020-PL-00417_Part1.pdf")

    /// The `corpus-extract` processes whose parent is `parent`.
    func workers(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
            // "pid (comm) state ppid …"
            guard let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return stat.contains("(corpus-extract)") && fields.count > 1 && Int32(fields[1]) == parent
        }
    }

    func testAWorkerKilledWhileIdleIsReplacedAndThisProcessLives() async throws {
        let before = Set(workers(of: getpid()))  // (other tests' workers may be about)
        let pool = WorkerPool(executable: CorpusBinary.extractPath, size: 1)
        let first = try await pool.pageTexts(of: part1, ocr: .never)
        let idle = workers(of: getpid()).filter { !before.contains($0) }
        XCTAssertEqual(idle.count, 1)
        for pid in idle { kill(pid, SIGKILL) }
        usleep(200_000)
        // Writing the next request to the dead worker's pipe raised SIGPIPE, which killed
        // the ingest without a word; now a fresh worker takes the request.
        let again = try await pool.pageTexts(of: part1, ocr: .never)
        XCTAssertEqual(again.map(\.text), first.map(\.text))
        await pool.shutdown()
    }

    func testAWorkerDoesNotOutliveAKilledParent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orphans-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("%PDF-1.4\n%corpus-test-fault:hang\n".utf8).write(to: folder.appendingPathComponent("hang.pdf"))
        let corpus = Process()
        corpus.executableURL = URL(fileURLWithPath: CorpusBinary.path)
        corpus.arguments = ["ingest", "--index", folder.appendingPathComponent("index").path, folder.path]
        corpus.environment = ProcessInfo.processInfo.environment.merging(["CORPUS_TEST_FAULTS": "1"]) { $1 }
        corpus.standardError = FileHandle.nullDevice
        corpus.standardOutput = FileHandle.nullDevice
        try corpus.run()
        var hung: [pid_t] = []
        for _ in 0..<50 where hung.isEmpty {
            usleep(100_000)
            hung = workers(of: corpus.processIdentifier)
        }
        XCTAssertFalse(hung.isEmpty, "the worker reading the hanging file")
        kill(corpus.processIdentifier, SIGKILL)
        corpus.waitUntilExit()
        var alive = hung
        for _ in 0..<40 where !alive.isEmpty {
            usleep(100_000)
            alive = hung.filter { kill($0, 0) == 0 && !((try? String(contentsOfFile: "/proc/\($0)/stat", encoding: .utf8))?.contains(") Z ") ?? true) }
        }
        XCTAssertEqual(alive, [], "workers of a killed corpus exit within seconds")
        for pid in alive { kill(pid, SIGKILL) }
    }
}
