import Foundation
import Logging

/// Runs extraction in worker processes (`corpus-extract`), one per core, each fed one
/// request at a time. A worker that crashes, hangs past the time limit or exits is
/// replaced, and only the request it was serving fails.
public actor WorkerPool: PDFExtracting {
    private let executable: String
    private let size: Int
    private let timeLimit: Double
    private var idle: [WorkerProcess] = []
    private var running = 0
    private var waiters: [CheckedContinuation<WorkerProcess, Error>] = []
    private let logger: Logger

    /// The `corpus-extract` executable: $CORPUS_EXTRACT, else the one beside the running
    /// executable (SwiftPM builds both into the same folder; so does an install).
    public static var defaultExecutable: String {
        if let path = ProcessInfo.processInfo.environment["CORPUS_EXTRACT"], !path.isEmpty { return path }
        let running = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return ((running as NSString).deletingLastPathComponent as NSString).appendingPathComponent("corpus-extract")
    }

    /// - executable: the `corpus-extract` binary.
    /// - timeLimit: seconds one request may take before its worker is killed.
    /// - logger: workers replaced, and why, at `debug`.
    public init(executable: String = WorkerPool.defaultExecutable, size: Int = ProcessInfo.processInfo.activeProcessorCount,
                timeLimit: Double = 300, logger: Logger = Logger(label: "corpus.workers")) {
        self.executable = executable
        self.logger = logger
        self.size = max(1, size)
        self.timeLimit = timeLimit
        // A worker that died while idle leaves a pipe with no reader: writing to it must
        // fail with EPIPE, which the pool handles, not kill this process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
    }

    public func pageTexts(of path: String, ocr: OCRMode) async throws -> [PageText] {
        guard case .pages(let pages) = try await call(.pageTexts(path: path, ocr: ocr)) else { throw Self.unexpected(path) }
        return pages
    }

    public func recognize(path: String, page number: Int, language: String) async throws -> OCRText {
        guard case .text(let text) = try await call(.recognize(path: path, page: number, language: language)) else { throw Self.unexpected(path) }
        return text
    }

    public func ocrLanguages() async throws -> [String] {
        guard case .languages(let languages) = try await call(.ocrLanguages) else { throw Self.unexpected("Tesseract") }
        return languages
    }

    public func unpack(archive path: String, into folder: String, only: String?) async throws -> [ArchiveMember] {
        guard case .members(let members) = try await call(.unpack(path: path, folder: folder, only: only)) else { throw Self.unexpected(path) }
        return members
    }

    public func outlookMessage(at path: String) async throws -> Data {
        guard case .mime(let data) = try await call(.outlookMessage(path: path)) else { throw Self.unexpected(path) }
        return data
    }

    static func unexpected(_ path: String) -> PDFError { PDFError(path: path, reason: "the extraction worker answered another question") }

    /// Stops every idle worker (their stdin closes and they exit).
    public func shutdown() {
        for worker in idle { worker.stop() }
        idle.removeAll()
    }

    private func call(_ request: WorkerRequest) async throws -> WorkerReply {
        // A worker that died while idle (killed from outside) never saw the request: it
        // goes to a fresh worker, once. A worker that dies on the request costs the file.
        for attempt in 0..<2 {
            let worker = try await checkout()
            do {
                // (Unpacking an archive of many gigabytes is one request: it gets an hour.)
                let limit = if case .unpack = request { max(timeLimit, 3600) } else { timeLimit }
                let reply = try await worker.send(request, timeLimit: limit)
                checkin(worker)
                if case .refused(let reason) = reply { throw PDFError(path: request.path, reason: reason) }
                return reply
            } catch let error as WorkerFailure {
                logger.debug("\(request.path): extraction worker replaced: \(error)")
                retire(worker)
                if error.beforeRequest, attempt == 0 { continue }
                throw PDFError(path: request.path, reason: error.description)
            }
        }
        throw PDFError(path: request.path, reason: "the extraction worker could not be reached")
    }

    private func checkout() async throws -> WorkerProcess {
        if let worker = idle.popLast() { return worker }
        if running < size {
            running += 1
            do {
                return try WorkerProcess(executable: executable)
            } catch {
                running -= 1
                throw error
            }
        }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    private func checkin(_ worker: WorkerProcess) {
        if waiters.isEmpty {
            idle.append(worker)
        } else {
            waiters.removeFirst().resume(returning: worker)
        }
    }

    /// A failed worker is stopped; the next waiter gets a fresh one.
    private func retire(_ worker: WorkerProcess) {
        worker.stop()
        running -= 1
        guard !waiters.isEmpty else { return }
        let waiter = waiters.removeFirst()
        running += 1
        do {
            waiter.resume(returning: try WorkerProcess(executable: executable))
        } catch {
            running -= 1
            waiter.resume(throwing: error)
        }
    }
}
